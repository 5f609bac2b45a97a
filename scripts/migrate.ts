import { migrate, openDatabase } from "./database";

const database = await openDatabase();
try {
  await migrate(database.url);
  console.log("Migrations applied.");
} finally {
  await database.embedded?.stop();
}
