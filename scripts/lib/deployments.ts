/**
 * deployments/<chainId>.json: where the contracts of one chain live. Validated with
 * zod on read so a stale or hand-edited file fails with a clear message.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { deploymentSchema, VERIFIER_NAMES, type Deployment, type VerifierName } from '../../src/shared/deployment.ts';

export const DeploymentSchema = deploymentSchema;
export { VERIFIER_NAMES, type Deployment, type VerifierName };

export const DEPLOYMENTS_DIR = path.resolve(import.meta.dirname, '../../deployments');

export function deploymentPath(chainId: number): string {
  return path.join(DEPLOYMENTS_DIR, `${chainId}.json`);
}

export async function readDeployment(file: string): Promise<Deployment> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`No deployment file at ${file}: run \`npm run devnet\` first or pass --deployments.`, { cause: err });
  }
  const parsed = DeploymentSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`Invalid deployment file ${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function writeDeployment(file: string, deployment: Deployment): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(DeploymentSchema.parse(deployment), null, 2)}\n`);
}
