// A second process counting one sign-in attempt against the same database: what a restarted
// console, or another console instance, would do. Prints the decision as JSON.
import { takeSignInAttempt } from "@/lib/data/accounts/sign-in-throttle";

const [email, address] = process.argv.slice(2);
takeSignInAttempt({ email: email ?? null, address: address ?? null }).then((decision) => {
  console.log(JSON.stringify(decision));
  process.exit(0);
});
