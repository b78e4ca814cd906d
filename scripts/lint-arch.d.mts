import type { ICruiseResult, IViolation } from 'dependency-cruiser';

export const ROOTS: string[];

/** The architecture rules over the tree at baseDir (the working directory by default). */
export function checkArchitecture(options?: {
  baseDir?: string;
}): Promise<{ results: ICruiseResult[]; violations: IViolation[] }>;
