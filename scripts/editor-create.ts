/**
 * `npm run editor:create -- --email <email> --name <姓名> --role chief|editor`
 *
 * Creates a desk account with a generated password, printed once (it is stored only as an
 * argon2id hash). `--first` creates the account only when there are no accounts yet (what
 * `npm start` does on a new database) and is silent otherwise.
 *
 * Exit codes: 0 created (or nothing to do with --first), 1 refused (email taken, bad input), 2 usage.
 */
import { parseArgs } from "node:util";
import { AccountError, createAccount, createFirstChief, newAccountInput } from "../lib/auth/accounts";

const USAGE = `usage: npm run editor:create -- --email <email> --name <姓名> --role chief|editor [--first]`;

let args;
try {
  args = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "editor" },
      first: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = newAccountInput.safeParse({ email: args.email ?? "", name: args.name ?? "", role: args.role });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error(USAGE);
  process.exit(2);
}

try {
  const created = args.first ? await createFirstChief(parsed.data.email, parsed.data.name) : await createAccount(parsed.data);
  if (created) {
    const { user, password } = created;
    const roleName = user.role === "chief" ? "总编辑 (chief)" : "编辑 (editor)";
    console.log(
      [
        ``,
        `  编辑部账号已创建 / desk account created`,
        `    邮箱 email:    ${user.email}`,
        `    姓名 name:     ${user.name}`,
        `    角色 role:     ${roleName}`,
        `    一次性密码:    ${password}`,
        ``,
        `  This password is shown only now. Sign in at /editor/sign-in and change it under 账号.`,
        ``,
      ].join("\n"),
    );
  }
} catch (err) {
  if (err instanceof AccountError) {
    console.error(`editor:create: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
