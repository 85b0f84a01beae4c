import { defineOwn, isPlainObject } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import type { AdapterOutput } from './adapter.js';
import { valueAt } from './reader.js';

/**
 * Some files write a format's keys somewhere other than where its adapter reads them: a LightningCLI dump
 * under its subcommand (`fit:`), TrainingArguments under `training:`, a YOLOv5 `opt.yaml` with the hyp
 * file under `hyp:`, jsonargparse's dotted keys (`data.batch_size: 512`). A view re-arranges the data into
 * the shape the adapter reads and knows the way back, so every diagnostic still points at the user's key.
 */
export interface View {
  readonly root: Record<string, unknown>;
  /** Where a path of the view is written in the file. */
  origin(path: SourcePath): SourcePath;
}

/** A view whose top-level keys are taken from the file's `entries` (view key → where the file writes it). */
export function viewOf(root: unknown, entries: readonly (readonly [string, SourcePath])[]): View {
  const view: Record<string, unknown> = {};
  const from = new Map<string, SourcePath>();
  for (const [key, path] of entries) {
    const value = valueAt(root, path);
    if (value === undefined || from.has(key)) continue;
    defineOwn(view, key, value);
    from.set(key, path);
  }
  return {
    root: view,
    origin: ([first, ...rest]) => [...(from.get(String(first)) ?? [first!]), ...rest],
  };
}

/** The mapping at `section` as if it were the whole file. */
export function sectionView(root: unknown, section: SourcePath): View {
  const node = valueAt(root, section);
  return viewOf(root, isPlainObject(node) ? Object.keys(node).map((k) => [k, [...section, k]] as const) : []);
}

/** `model.hidden_dim: 8` read as `model: {hidden_dim: 8}`, as jsonargparse reads dotted keys. */
export function undottedView(root: Record<string, unknown>): View {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    const segments = key.split('.');
    let target = view;
    for (const segment of segments.slice(0, -1)) {
      if (!isPlainObject(target[segment])) defineOwn(target, segment, {});
      target = target[segment] as Record<string, unknown>;
    }
    defineOwn(target, segments.at(-1)!, value);
  }
  return {
    root: view,
    // The longest dotted key of the file that spells the path's start.
    origin(path) {
      for (let n = path.length; n > 0; n--) {
        const key = path.slice(0, n).join('.');
        if (Object.hasOwn(root, key)) return [key, ...path.slice(n)];
      }
      return path;
    },
  };
}

/** Reads a view with an adapter's reader and maps the sources it recorded back into the file. */
export function readView(view: View, read: (root: unknown) => AdapterOutput): AdapterOutput {
  const output = read(view.root);
  const sources = new Map([...output.sources].map(([p, source]) => [p, view.origin(source)] as const));
  const defaults = output.defaults && new Map([...output.defaults].map(([p, d]) => [p, d.anchor ? { ...d, anchor: view.origin(d.anchor) } : d] as const));
  return { ...output, sources, ...(defaults ? { defaults } : {}) };
}
