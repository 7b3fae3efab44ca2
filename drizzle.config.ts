import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations into migrations/, which wrangler applies (D1).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/*.ts',
  out: './migrations',
});
