/** The JSON API, as the UI calls it: same origin, GET only. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params?: URLSearchParams): Promise<T> {
  const query = params?.toString();
  const response = await fetch(query ? `${path}?${query}` : path, {
    headers: { Accept: "application/json" },
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new ApiError(response.status, body.error?.message ?? response.statusText);
  return body;
}
