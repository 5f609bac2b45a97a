import { z } from "zod";

export const ProjectName = z.string().trim().min(1, "Give the project a name.").max(80, "Keep the name under 80 characters.");
export const CreateProjectInput = z.object({ name: ProjectName });
export type CreateProjectInput = z.input<typeof CreateProjectInput>;
export const RenameProjectInput = z.object({ name: ProjectName });
export type RenameProjectInput = z.input<typeof RenameProjectInput>;
