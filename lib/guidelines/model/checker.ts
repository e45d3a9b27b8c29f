import type { ExtraChecker } from '../types';
import { decodeModel } from './codec';
import { draftFindings } from './drafts-findings';
import { decodeDraftsModel } from './drafts-model';
import type { DraftsModel, DraftsModelFile } from './drafts-types';
import { modelFindings } from './findings';
import type { AbuseModel, AbuseModelFile } from './types';

/**
 * The library's models as the engine's extra checkers (docs/guidelines.md § Extra checkers):
 *
 *   compileRules(bundle.guidelines, { checkers: modelCheckers(bundle.models) })
 *
 * The background (for the sidebar, lib/guidelines/model-requests.ts) and the CLI run them; the model
 * files have already passed the bundle schema (and so their checksums) before they get here.
 */

export function abuseChecker(model: AbuseModel): ExtraChecker {
  return (text, ctx) => modelFindings(text, model, ctx.lang);
}

/** A head stays silent on a category already `reported` (by the rules or the abuse model). */
export function draftsChecker(model: DraftsModel): ExtraChecker {
  return (text, ctx, reported) => draftFindings(text, model, ctx.lang, reported);
}

/** Decoding costs a few milliseconds: once per model file object, however often rules recompile. */
const decoded = new WeakMap<object, AbuseModel | DraftsModel>();

function once<F extends object, M extends AbuseModel | DraftsModel>(file: F, decode: (file: F) => M): M {
  let model = decoded.get(file) as M | undefined;
  if (!model) {
    model = decode(file);
    decoded.set(file, model);
  }
  return model;
}

/** The abuse model first: the draft heads then see its findings among those already reported. */
export function modelCheckers(
  models: { abuse?: AbuseModelFile; drafts?: DraftsModelFile } | undefined,
): ExtraChecker[] {
  const checkers: ExtraChecker[] = [];
  if (models?.abuse) checkers.push(abuseChecker(once(models.abuse, decodeModel)));
  if (models?.drafts) checkers.push(draftsChecker(once(models.drafts, decodeDraftsModel)));
  return checkers;
}
