import { deleteModelPrice } from "@/lib/cost/overrides/delete";
import { withApiKey } from "@/lib/http/route";

/** DELETE /api/v1/model-prices/{id} — removes an override; 204, or 404 when it is not in this project. */
export const DELETE = withApiKey<{ id: string }>(["secret"], async (_req, { ctx, params }) => {
  await deleteModelPrice(ctx, { id: params.id });
  return new Response(null, { status: 204 });
});
