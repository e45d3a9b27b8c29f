import type { JSX } from 'preact';

export type ButtonVariant = 'default' | 'primary' | 'link' | 'danger';

export type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'className'> & {
  variant?: ButtonVariant;
  /** Extra classes beside the kit's own. */
  class?: string;
};

/** The one button of every surface. `type` defaults to "button" (never a surprise form submit). */
export function Button({ variant = 'default', class: extra, type = 'button', ...rest }: ButtonProps) {
  const classes = ['sp-button', variant === 'default' ? null : `sp-button-${variant}`, extra]
    .filter(Boolean)
    .join(' ');
  return <button {...rest} type={type} class={classes} />;
}
