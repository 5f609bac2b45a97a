import { NextRequest } from "next/server";
import type { Route } from "./http";

/** Calls a route handler in-process with an optional Bearer key, as Next.js would. */
export function getWithKey<P extends Record<string, string>>(handler: Route["handler"], path: string, token?: string, params = {} as P): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return handler(new NextRequest(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) });
}
