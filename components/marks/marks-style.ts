/**
 * The marks' own style, set inside their shadow root (the page's CSS cannot reach it, and it
 * cannot reach the page). The host covers nothing: it is a zero-size fixed box at the viewport's
 * corner, and everything in it is positioned in viewport coordinates.
 */
export const MARKS_CSS = `
:host{all:initial;position:fixed!important;left:0!important;top:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483646!important;pointer-events:none!important}
.sp-marks{position:absolute;left:0;top:0;width:0;height:0}
.sp-mark{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none}
.sp-mark-box{position:absolute;box-sizing:border-box;pointer-events:none;border-bottom:2px solid var(--sp-sev)}
.sp-sev-error{--sp-sev: #d93025}
.sp-sev-warning{--sp-sev: #c77700}
.sp-sev-suggestion{--sp-sev: #1a73e8}
.sp-mark.sp-active .sp-mark-box{background:#1a73e81f}
.sp-mark-card{position:fixed;box-sizing:border-box;pointer-events:auto;padding:10px 12px;background:#fff;color:#202124;border:1px solid #dadce0;border-left:4px solid var(--sp-sev);border-radius:8px;box-shadow:0 4px 16px #0000002e;font:13px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif}
.sp-mark-message{margin:0 0 4px}
.sp-mark-source{margin:0 0 8px;color:#5f6368;font-size:12px}
.sp-actions{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.sp-actions button,.sp-ignore button{font:inherit;padding:4px 10px;border:1px solid #dadce0;border-radius:6px;background:#f8f9fa;color:#202124;cursor:pointer}
.sp-actions button[data-sp=fix]{background:#1a73e8;border-color:#1a73e8;color:#fff}
.sp-actions button:disabled{opacity:.5;cursor:default}
.sp-actions .sp-link{margin-left:auto;border:none;background:none;font-size:16px}
button:focus-visible,input:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.sp-ignore{margin-top:8px;display:grid;gap:6px}
.sp-ignore input{font:inherit;width:100%;box-sizing:border-box;padding:4px 6px}
.sp-hint{margin:0;color:#5f6368;font-size:12px}
`;
