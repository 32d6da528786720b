/** Remembers the window's size, position and maximised state across restarts. */
import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

const DEFAULT = { width: 1280, height: 820 };

export function loadWindowState(userDataDir: string): Partial<WindowState> {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(userDataDir, 'window-state.json'), 'utf8')),
    );
    if (!parsed.success) return DEFAULT;
    // Only restore a position that is still on a connected display (monitors change).
    const visible = screen.getAllDisplays().some((d) => intersects(d.workArea, parsed.data));
    return visible
      ? parsed.data
      : { width: parsed.data.width, height: parsed.data.height, maximized: parsed.data.maximized };
  } catch {
    return DEFAULT;
  }
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function trackWindowState(window: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    fs.writeFileSync(path.join(userDataDir, 'window-state.json'), JSON.stringify(state));
  };
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', debounced);
  window.on('move', debounced);
  window.on('close', save);
}
