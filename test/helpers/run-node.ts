import { spawn } from 'node:child_process';

/** What a child Node process printed (stdout and stderr together) and its exit code. */
export interface NodeRun {
  output: string;
  code: number | null;
}

/**
 * Runs `node ...args` in `cwd`, killed after `timeoutMs`: the way a test sees a fresh process (its exit,
 * V8's traces) that vitest's own workers cannot show.
 */
export async function runNode(args: readonly string[], cwd: string, timeoutMs: number): Promise<NodeRun> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill(), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  return { output, code };
}
