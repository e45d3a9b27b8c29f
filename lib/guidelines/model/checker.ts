import type { CheckContext, ExtraChecker, Finding } from '../types';
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
 * zod-free, so the content script can use it: the model files have already passed the bundle schema
 * (and so their checksums) in the background or the CLI before they get here.
 */

export function abuseChecker(model: AbuseModel): ExtraChecker {
  return (text, ctx) => modelFindings(text, model, ctx.lang);
}

/**
 * `reported` is what the text already got from the rules and the checkers before this one, when
 * the engine passes it: a head stays silent on a category reported there.
 */
export function draftsChecker(
  model: DraftsModel,
): (text: string, ctx: CheckContext, reported?: readonly Finding[]) => Finding[] {
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
