import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseAnswers()) return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return NextResponse.json(
    { error: { code: "UNAVAILABLE", message: "The database is not answering." } },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}
