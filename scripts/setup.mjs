/** `npm run setup` (and `npm run dev`): everything `npm start` does before serving. */
import { databaseUrlFromEnv, ensureBuild, ensureDependencies, ensurePrismaClient, ensureSiteCss, importSample, migrate, runMain } from "./lib/bootstrap.mjs";

await runMain("setup", async () => {
  const databaseUrl = databaseUrlFromEnv();
  ensureDependencies();
  ensurePrismaClient();
  ensureSiteCss();
  migrate(databaseUrl);
  importSample(databaseUrl);
  if (!process.argv.includes("--no-build")) ensureBuild({ databaseUrl });
});
