// A Bora action in JavaScript: greets `name` (required) with `greeting`
// (default "Hello"), `times` times (default 1, at most 10), and fails with
// details when `name` is empty.
//
// Build and run it with the bora CLI (it installs componentize-js once):
//
//   bora action build .
//   bora action run ./NAME.wasm --input '{"name": "Ada"}'

import { defineAction, ActionError, log } from './bora_action.js';

const greet = defineAction({
  name: 'example.greet',
  description: 'Greets someone.',
  params: {
    name: { type: 'string', doc: 'Who to greet.' },
    greeting: { type: 'string', default: 'Hello', doc: 'The word to greet with.' },
    times: { type: 'integer', default: 1, doc: 'How many greetings (1 to 10).' },
  },
  run(input, ctx) {
    if (input.name.trim() === '') {
      throw new ActionError('name is empty', { param: 'name' });
    }
    if (input.times < 1 || input.times > 10) {
      throw new ActionError(`times must be between 1 and 10, not ${input.times}`);
    }
    log.info(`greeting ${input.name} as ${ctx.actionName}`);
    const line = `${input.greeting}, ${input.name}!`;
    return { greetings: Array(input.times).fill(line), execution_id: ctx.executionId };
  },
});

// The component's exports (the world `action` in wit/action.wit).
export const describe = greet.describe;
export const run = greet.run;
