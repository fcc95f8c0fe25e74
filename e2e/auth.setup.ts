import { test as setup } from "@playwright/test";
import { ROLES, signInOverHttp, storageStateOf } from "./fixtures/auth";

for (const [role, email] of Object.entries(ROLES)) {
  setup(`sign in as ${role}`, async ({ request, baseURL }) => {
    await signInOverHttp(request, baseURL ?? "", email);
    await request.storageState({ path: storageStateOf(role) });
  });
}
