import { runCheckers } from './engine';
import { modelCheckers } from './model/checker';
import type { CheckContext, ExtraChecker, Finding } from './types';

/**
 * The library's models, run where they are loaded once for every tab: the background answers the
 * sidebar's requests with them (docs/guidelines.md § Extra checkers), so the content script carries
 * neither the models' code nor their decoded weights. The sidebar adds the answer to the rules'
 * result with engine.ts's withFindings: the same findings, score and verdict as checkText running
 * the models itself (the CLI does that).
 */

/** What the sidebar sends: the text, its context, and the findings the rules gave it. */
export interface ModelRequest {
  text: string;
  platform: CheckContext['platform'];
  field: CheckContext['field'];
  lang: CheckContext['lang'];
  /** The rules' findings on this text, the findings a checker sees before its own in checkText. */
  reported: Finding[];
}

type Models = Parameters<typeof modelCheckers>[0];

/** Checkers per models object: decoded once per library version, however many requests come. */
const checkersOf = new WeakMap<object, ExtraChecker[]>();

/** The models' findings on the request's text (none when the library has no model). */
export function answerModelRequest(models: Models, request: ModelRequest): Finding[] {
  if (!models) return [];
  let checkers = checkersOf.get(models);
  if (!checkers) {
    checkers = modelCheckers(models);
    checkersOf.set(models, checkers);
  }
  const { text, platform, field, lang, reported } = request;
  const findings = [...reported];
  runCheckers(checkers, text, { platform, field, lang }, findings);
  return findings.slice(reported.length);
}
