import { z } from "zod";

export const Email = z.email("Enter a valid email address.").max(254).transform((v) => v.trim().toLowerCase());
export const Password = z
  .string()
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "Use at most 200 characters for the password.");

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: Email,
  password: Password,
  inviteToken: z.string().min(10).max(200).optional(),
});
export type SignUpInput = z.input<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) });
export type SignInInput = z.input<typeof SignInInput>;
