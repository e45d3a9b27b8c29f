import type { ExtraChecker } from '../types';
import { decodeModel } from './codec';
import { modelFindings } from './findings';
import type { AbuseModel, AbuseModelFile } from './types';

/**
 * The library's models as the engine's extra checkers (docs/guidelines.md § Extra checkers):
 *
 *   compileRules(bundle.guidelines, { checkers: modelCheckers(bundle.models) })
 *
 * zod-free, so the content script can use it: the model file has already passed the bundle schema
 * (and so its checksum) in the background or the CLI before it gets here.
 */

export function abuseChecker(model: AbuseModel): ExtraChecker {
  return (text, ctx) => modelFindings(text, model, ctx.lang);
}

/** Decoding costs a few milliseconds: once per model file object, however often rules recompile. */
const decoded = new WeakMap<AbuseModelFile, AbuseModel>();

export function modelCheckers(models: { abuse?: AbuseModelFile } | undefined): ExtraChecker[] {
  const file = models?.abuse;
  if (!file) return [];
  let model = decoded.get(file);
  if (!model) {
    model = decodeModel(file);
    decoded.set(file, model);
  }
  return [abuseChecker(model)];
}
