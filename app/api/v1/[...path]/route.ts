import { NextResponse } from "next/server";

function unknownRoute(req: Request) {
  const { pathname } = new URL(req.url);
  return NextResponse.json(
    { error: { code: "NOT_FOUND", message: `There is no API route ${req.method} ${pathname}. See docs/api.md.` } },
    { status: 404 },
  );
}

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
