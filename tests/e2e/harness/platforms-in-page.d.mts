/** The bundle's source text (an IIFE that sets window.__satuPintuPlatforms). */
export declare function platformsBundle(): Promise<string>;
