// A list that renders only the rows in view (fixed row height), so a plan with
// hundreds of tasks scrolls smoothly.

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { visibleRange } from "../lib/virtual";

interface Props<T> {
  items: T[];
  rowHeight: number;
  height: number;
  render: (item: T, index: number) => ComponentChildren;
  label: string;
}

export function VirtualList<T>({ items, rowHeight, height, render, label }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const { start, end } = visibleRange(scrollTop, height, rowHeight, items.length, 6);
  return (
    <div
      class="vlist"
      role="list"
      aria-label={label}
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      <div style={{ height: `${items.length * rowHeight}px`, position: "relative" }}>
        {items.slice(start, end).map((item, i) => (
          <div
            role="listitem"
            key={start + i}
            class="vrow"
            style={{ top: `${(start + i) * rowHeight}px`, height: `${rowHeight}px` }}
          >
            {render(item, start + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
