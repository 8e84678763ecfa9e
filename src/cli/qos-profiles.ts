// --qos-profiles <file>: a QoS-profile catalogue in the shape the CAMARA qos-profiles API returns:
// an array of QosProfile (POST /retrieve-qos-profiles), one QosProfile (GET /qos-profiles/{name}),
// or an object with a qosProfiles array. JSON, or YAML for .yaml/.yml files.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The engine and the built-in rules, not ../index.js: lint's modules leave out migrate (its own command).
import { createValidator } from '../engine/validator.js';
import { builtinRules } from '../rules/index.js';
import type { QosProfile } from '../types.js';
import { parseDataFile } from './data-file.js';
import { CliError, configErrorMessage } from './errors.js';
import { isPlainObject } from '../shared/object.js';

export function loadQosProfiles(file: string, cwd: string): QosProfile[] {
  const path = resolve(cwd, file);
  const name = file;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the QoS-profile file '${name}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const value = parseDataFile(text, /\.ya?ml$/i.test(path) ? 'yaml' : 'json', name);
  let profiles: unknown;
  if (Array.isArray(value)) profiles = value;
  else if (isPlainObject(value) && Array.isArray(value.qosProfiles)) profiles = value.qosProfiles;
  else if (isPlainObject(value) && typeof value.name === 'string') profiles = [value];
  else {
    throw new CliError(`${name}: expected QoS profiles as the CAMARA qos-profiles API returns them: an array of profiles, one profile, or { "qosProfiles": [...] }.`);
  }
  const list = profiles as unknown[];
  list.forEach((profile, i) => {
    if (!isPlainObject(profile) || typeof profile.name !== 'string' || profile.name === '') {
      throw new CliError(`${name}: profile ${i} has no name (each QoS profile needs a string "name").`);
    }
  });
  // The engine checks the profiles' durations; say which file is wrong.
  try {
    createValidator(builtinRules, { policy: { qosProfiles: list as QosProfile[] } });
  } catch (error) {
    const message = configErrorMessage(error);
    if (message !== undefined) throw new CliError(`${name}: ${message.replace(/^policy\.qosProfiles/, 'profile ')}`);
    throw error;
  }
  return list as QosProfile[];
}
