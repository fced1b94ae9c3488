import { openStore, type Store, StoreError } from "../store/index.ts";
import { CliError, ExitCode } from "./io.ts";

/** Open the store a query command reads; a missing or unreadable one ends with exit 3. */
export async function openExistingStore(path: string): Promise<Store> {
  try {
    return await openStore(path, { mustExist: true });
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message, ExitCode.failure);
    throw error;
  }
}
