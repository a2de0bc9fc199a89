import { expect, test, type Page } from "@playwright/test";

const MAIN_PAGES = ["/", "/jobs", "/jobs/new", "/packages", "/packages/BPC00020", "/computers", "/computers/MDM00005", "/sites", "/instruction-box", "/rules", "/audit", "/users", "/jobs/BPC00002/simulation/MDM00005", "/jobs/BPC00002/preview"];

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the main pages fit the screen without sideways scrolling, and Sign out is on screen", async ({ page }) => {
    for (const path of [...MAIN_PAGES, await firstJobPath(page)]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    }
  });
});

async function firstJobPath(page: Page): Promise<string> {
  await page.goto("/jobs");
  return (await page.getByRole("table").getByRole("link").first().getAttribute("href"))!;
}

for (const width of [1280, 1440]) test(`at ${width} px the navigation is one row beside the user, and a skip link leads to the content`, async ({ page }) => {
  await page.setViewportSize({ width, height: 900 });
  await page.goto("/");
  const tops = await page.getByRole("navigation", { name: "Main" }).getByRole("link").evaluateAll((links) => new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size);
  expect(tops).toBe(1);
  // The signed-in user's name gives way (it is cut short), never the navigation: nothing overlaps.
  const navigation = (await page.getByRole("navigation", { name: "Main" }).boundingBox())!;
  const account = (await page.getByRole("banner").getByRole("link", { name: /administrator@e2e.test/ }).boundingBox())!;
  expect(navigation.x + navigation.width).toBeLessThanOrEqual(account.x);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();
});

test("the jobs list finds jobs by search and filters, the dashboard's Expired tile lists expired jobs, and a page past the end shows the last", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Expired\s*\d+$/ }).click();
  await expect(page).toHaveURL(/\/jobs\?state=EXPIRED$/);
  await expect(page.getByLabel("State")).toHaveValue("EXPIRED");
  for (const row of await page.getByRole("table").getByRole("row").all()) {
    if ((await row.getByRole("cell").count()) > 1) await expect(row).toContainText("Expired");
  }

  await page.goto("/jobs");
  await page.getByLabel("Search").fill("Flight Simulator");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/search=Flight\+Simulator/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("MS Flight Simulator");
  for (const row of await rows.all()) if ((await row.getByRole("cell").count()) > 1) await expect(row).toContainText("Flight Simulator");

  await page.getByLabel("Site").selectOption("VAQ");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("table")).toContainText(/No job matches these filters|Flight Simulator/);

  await page.goto("/jobs?page=5");
  await expect(page).toHaveURL(/\/jobs\?page=1$/);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("page 1 of 1");
});
