import { inject } from "vitest";

// Route handlers reach the database through getDb(), which reads DATABASE_URL.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
