import { NextResponse } from "next/server";

/** Unknown OFREP routes answer OFREP's general error shape instead of the HTML 404 page. */
function unknownRoute(req: Request) {
  const { pathname } = new URL(req.url);
  return NextResponse.json({ errorDetails: `There is no OFREP route ${req.method} ${pathname}. Sextant serves POST /ofrep/v1/evaluate/flags and /ofrep/v1/evaluate/flags/{key}.` }, { status: 404 });
}

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
