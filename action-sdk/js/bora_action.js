// The Bora action kit for JavaScript.
//
// A Bora action is a WASI 0.2 component implementing the world `action` of
// wit/action.wit; componentize-js builds one from an ES module that exports
// `describe` and `run`. This module turns that contract into a short API:
//
//   import { defineAction, ActionError, log } from './bora_action.js';
//
//   const greet = defineAction({
//     name: 'example.greet',
//     description: 'Greets someone.',
//     params: {
//       name: { type: 'string', doc: 'Who to greet.' },
//       greeting: { type: 'string', default: 'Hello', doc: 'The word to greet with.' },
//     },
//     run(input, ctx) {
//       log.info(`greeting ${input.name}`);
//       return `${input.greeting}, ${input.name}!`;
//     },
//   });
//
//   export const describe = greet.describe;
//   export const run = greet.run;
//
// Each parameter has a `type` ('string', 'integer', 'number', 'boolean',
// 'array', 'object', 'null', 'any', or an array of them for a union), an
// optional `default` (any JSON value; without one the parameter is
// required) and an optional `doc`. Before `run` is called the input is
// checked against the parameters (missing and unexpected ones are reported
// together, by name), the defaults are filled in and each value's type is
// checked; the messages are the Rust SDK's (`Invalid input [name=...,
// missing=[...], unexpected=[...]]`).
//
// `run(input, ctx)` returns any JSON-serializable value (`undefined` is
// `null`), or `PENDING` for an async action (`isAsync: true`). Throwing an
// `ActionError(message, details)` fails the action with that message and
// details; any other exception fails it too, with its name and message (the
// stack goes to the log), as Mistral reports an action that raises.

import { log as hostLog } from 'bora:action/log@0.1.0';

/** Return this from `run` of an async action: the action execution stays
 * RUNNING until it is completed through the API. */
export const PENDING = Symbol('bora.pending');

/** The action failed on its own terms: `message` for people, `details` (any
 * JSON-serializable value) for the workflow, which sees them as the failed
 * task's result. */
export class ActionError extends Error {
  constructor(message, details) {
    super(String(message));
    this.name = 'ActionError';
    this.details = details;
  }
}

/** The host's log (`bora:action/log`): the lines are kept with the action
 * execution. */
export const log = {
  trace: (message) => hostLog('trace', String(message)),
  debug: (message) => hostLog('debug', String(message)),
  info: (message) => hostLog('info', String(message)),
  warn: (message) => hostLog('warn', String(message)),
  error: (message) => hostLog('error', String(message)),
};

const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null', 'any'];

const WORDS = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
  any: 'any value',
};

/** What a decoded JSON value is, in words. */
function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'boolean':
      return 'a boolean';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    default:
      return 'an object';
  }
}

function fits(value, type) {
  switch (type) {
    case 'any':
      return true;
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return false;
  }
}

/** The declared parameters as a checked list, in declaration order. Throws
 * when the declaration itself is wrong, so the build fails on it. */
function paramList(actionName, params) {
  return Object.entries(params ?? {}).map(([name, spec]) => {
    const types = [spec?.type ?? 'any'].flat();
    for (const t of types) {
      if (!TYPES.includes(t)) {
        throw new Error(
          `action ${actionName}: parameter '${name}' has an unknown type '${t}' (one of ${TYPES.join(', ')})`,
        );
      }
    }
    const required = !Object.hasOwn(spec ?? {}, 'default');
    let defaultJson;
    if (!required) {
      defaultJson = JSON.stringify(spec.default);
      if (defaultJson === undefined) {
        throw new Error(`action ${actionName}: the default of parameter '${name}' is not JSON`);
      }
    }
    return { name, types, required, defaultJson, doc: spec?.doc || undefined };
  });
}

/** The input object of a call from its JSON text: rejects missing and
 * unexpected parameters, fills in defaults (fresh copies) and checks types.
 * Throws an ActionError naming the action and the parameter. An empty text
 * or `null` counts as `{}`. */
export function parseInput(actionName, params, text) {
  let value = null;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ActionError(`Invalid input [name=${actionName}]: not JSON: ${e.message}`);
    }
  }
  if (value === null) value = {};
  if (!fits(value, 'object')) {
    throw new ActionError(
      `Invalid input [name=${actionName}]: expected a JSON object of parameters, got ${kindOf(value)}`,
    );
  }
  const missing = params.filter((p) => p.required && !Object.hasOwn(value, p.name)).map((p) => p.name);
  const unexpected = Object.keys(value).filter((k) => !params.some((p) => p.name === k));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new ActionError(
      `Invalid input [name=${actionName}, missing=[${missing.join(', ')}], unexpected=[${unexpected.join(', ')}]]`,
    );
  }
  const input = {};
  for (const p of params) {
    if (!Object.hasOwn(value, p.name)) {
      input[p.name] = JSON.parse(p.defaultJson);
      continue;
    }
    const v = value[p.name];
    if (!p.types.some((t) => fits(v, t))) {
      const expected = p.types.map((t) => WORDS[t]).join(' or ');
      throw new ActionError(
        `Invalid input [name=${actionName}]: parameter '${p.name}': expected ${expected}, got ${kindOf(v)}`,
      );
    }
    input[p.name] = v;
  }
  return input;
}

/** `run`'s return value as JSON text, or null for PENDING. */
function encode(value) {
  if (value === PENDING) return null;
  let text;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch (e) {
    throw new ActionError(`the result is not JSON: ${e.message}`);
  }
  if (text === undefined) {
    throw new ActionError(`the result is not JSON: ${typeof value}`);
  }
  return text;
}

function detailsJson(details) {
  if (details === undefined || details === null) return undefined;
  try {
    return JSON.stringify(details) ?? JSON.stringify(String(details));
  } catch {
    return JSON.stringify(String(details));
  }
}

/**
 * Declares an action. `def` has `name`, `description`, `params` (an object
 * of parameter specs, in declaration order), optional `isAsync` and
 * `run(input, ctx)`. Returns the component's exports `describe` and `run`.
 */
export function defineAction(def) {
  if (!def?.name) throw new Error('defineAction: `name` is required');
  if (typeof def.run !== 'function') throw new Error(`action ${def.name}: \`run\` must be a function`);
  const params = paramList(def.name, def.params);
  const descriptor = {
    name: def.name,
    description: def.description ?? '',
    params: params.map((p) => ({ name: p.name, default: p.defaultJson, description: p.doc })),
    isAsync: Boolean(def.isAsync),
  };

  const run = (text, ctx) => {
    const context = {
      executionId: ctx?.executionId ?? null,
      taskId: ctx?.taskId ?? null,
      actionExecutionId: ctx?.actionExecutionId ?? null,
      actionName: ctx?.actionName ?? def.name,
    };
    let payload;
    try {
      payload = encode(def.run(parseInput(def.name, params, text), context));
    } catch (e) {
      // componentize-js returns a thrown value as the `err` case of the
      // export's result: here the WIT `action-error` record.
      if (e instanceof ActionError) {
        throw { message: e.message, details: detailsJson(e.details) };
      }
      log.error(e?.stack ?? String(e));
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw { message, details: undefined };
    }
    return payload === null ? { tag: 'pending' } : { tag: 'done', val: payload };
  };

  return { describe: () => descriptor, run };
}
