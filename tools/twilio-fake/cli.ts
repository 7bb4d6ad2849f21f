/** Runs the Twilio fake on its own: `npx tsx tools/twilio-fake/cli.ts [port]`; prints the base URL and credentials. */
import { startTwilioFake } from './server';

const fake = await startTwilioFake({ port: Number(process.argv[2] ?? 0) || 0 });
console.log(`Twilio fake on ${fake.baseUrl}\naccount SID ${fake.accountSid}\nauth token ${fake.authToken}`);
