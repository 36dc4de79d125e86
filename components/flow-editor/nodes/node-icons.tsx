import type { ReactNode } from "react";

export type NodeIconComponent = (props: { className?: string }) => ReactNode;

// Small stroke glyphs for the palette and node headers; inline SVG so the editor needs no icon package.
export const nodeIcons = {
  bolt: icon(<path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" />),
  message: icon(<path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />),
  question: icon(
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9.2 9.2a3 3 0 0 1 5.8.8c0 2-3 2.8-3 2.8" />
      <path d="M12 17h.01" />
    </>,
  ),
  book: icon(
    <>
      <path d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20" />
      <path d="M6.5 2H20v20H6.5A2.5 2.5 0 0 1 4 19.5v-15A2.5 2.5 0 0 1 6.5 2z" />
      <path d="M9 7h7M9 11h5" />
    </>,
  ),
  branch: icon(
    <>
      <path d="M6 3v12" />
      <circle cx="18" cy="6" r="3" />
      <circle cx="6" cy="18" r="3" />
      <path d="M18 9a9 9 0 0 1-9 9" />
    </>,
  ),
  clock: icon(
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 6.5V12l3.5 2" />
    </>,
  ),
  split: icon(
    <>
      <path d="M16 3h5v5M21 3l-9 9v9" />
      <path d="M8 3H3v5M3 3l6 6" />
    </>,
  ),
  hourglass: icon(
    <>
      <path d="M6 2h12M6 22h12" />
      <path d="M7 2v4l5 6 5-6V2M7 22v-4l5-6 5 6v4" />
    </>,
  ),
  jump: icon(
    <>
      <path d="m15 14 5-5-5-5" />
      <path d="M4 20v-7a4 4 0 0 1 4-4h12" />
    </>,
  ),
  stop: icon(
    <>
      <circle cx="12" cy="12" r="9.5" />
      <rect x="9" y="9" width="6" height="6" rx="1" />
    </>,
  ),
  tag: icon(
    <>
      <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
      <path d="M7.5 7.5h.01" />
    </>,
  ),
  pencil: icon(
    <>
      <path d="M12 20h9" />
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
    </>,
  ),
  globe: icon(
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19M12 2.5a14.5 14.5 0 0 1 0 19M12 2.5a14.5 14.5 0 0 0 0 19" />
    </>,
  ),
  person: icon(
    <>
      <circle cx="12" cy="7" r="4" />
      <path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2" />
    </>,
  ),
  unknown: icon(
    <>
      <rect x="3" y="3" width="18" height="18" rx="3" />
      <path d="M12 8v5M12 16.5h.01" />
    </>,
  ),
} satisfies Record<string, NodeIconComponent>;

function icon(children: ReactNode): NodeIconComponent {
  function NodeIcon({ className }: { className?: string }) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        className={className ?? "size-4"}
      >
        {children}
      </svg>
    );
  }
  return NodeIcon;
}
