import { NextResponse, type NextRequest } from "next/server";

// Only redirects: a visitor without a session cookie goes to sign-in. Authorization
// itself happens in the data layer on every page, action and route.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(req: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/p/:path*", "/orgs/:path*", "/new-project"] };
