// The frame every screen shares: a heading (the landmark's name) and its body.
import type { ReactNode } from 'react';

export function ScreenFrame({ title, subtitle, actions, children }: { title: string; subtitle?: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = `screen-title-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section className="screen" aria-labelledby={headingId}>
      <header className="screen-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <p className="screen-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      <div className="screen-body">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children, Icon }: { title: string; children: ReactNode; Icon: () => ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon />
      </div>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
