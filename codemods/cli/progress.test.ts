import { afterEach, describe, expect, it, vi } from "vitest";
import { ProgressBar } from "./progress.js";

function fakeStream(isTTY: boolean): { isTTY: boolean; columns: number; output: string[]; write(text: string): void } {
  return {
    isTTY,
    columns: 60,
    output: [],
    write(text: string) {
      this.output.push(text);
    },
  };
}

describe("ProgressBar", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("draws nothing when stderr is not a terminal", () => {
    vi.useFakeTimers();
    const stream = fakeStream(false);
    const bar = new ProgressBar(stream, 100, "file");
    vi.advanceTimersByTime(1000);
    bar.update(50);
    bar.clear();
    expect(stream.output).toEqual([]);
  });

  it("draws only after a moment, at most every 100 ms, and erases itself", () => {
    vi.useFakeTimers();
    const stream = fakeStream(true);
    const bar = new ProgressBar(stream, 100, "file");
    bar.update(1); // a short run never shows a bar
    expect(stream.output).toEqual([]);
    vi.advanceTimersByTime(400);
    bar.update(50);
    bar.update(51); // too soon after the last drawing
    expect(stream.output).toHaveLength(1);
    expect(stream.output[0]).toMatch(/^\r\[#+ +\] 50\/100 files\x1b\[K$/);
    bar.update(100); // the final state is always drawn
    expect(stream.output[1]).toContain("100/100 files");
    bar.clear();
    expect(stream.output[2]).toBe("\r\x1b[K");
  });

  it("names what it counts in the singular for a total of one", () => {
    vi.useFakeTimers();
    const stream = fakeStream(true);
    const bar = new ProgressBar(stream, 1, "file after the project pass", "files after the project pass");
    vi.advanceTimersByTime(400);
    bar.update(1);
    expect(stream.output[0]).toContain(" 1/1 file after the project pass\x1b[K");
  });
});
