import type { ComponentChildren } from 'preact';

export interface SectionHeaderProps {
  /** The heading's id, for the section's aria-labelledby. */
  id: string;
  title: string;
  level?: 2 | 3;
  /** Actions or a status beside the title. */
  children?: ComponentChildren;
}

/** A section's title line: one heading (for screen-reader navigation) and what sits beside it. */
export function SectionHeader({ id, title, level = 2, children }: SectionHeaderProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="sp-section-header">
      <Heading id={id}>{title}</Heading>
      {children}
    </div>
  );
}
