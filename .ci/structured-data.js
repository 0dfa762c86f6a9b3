// Checks the schema.org data of every product page of a built site against Google's rules for
// product results (product snippets and merchant listings), with the npm package
// structured-data-testing-tool (sdtt) and a preset written here from Google's documentation:
// sdtt's own Google preset has no rules for Product.
//
//   node .ci/structured-data.js SITE_DIR
//
// Prints one line per page with a problem and exits 1 if there is any. Before the site, it
// checks a page it breaks on purpose and exits 2 if that page passes, so a validator that has
// stopped seeing anything cannot pass the site.
'use strict'

const fs = require('fs')
const path = require('path')
const { structuredDataTest } = require('structured-data-testing-tool')

// The values Google reads for Offer.availability and Offer.itemCondition.
const AVAILABILITY = [
  'BackOrder', 'Discontinued', 'InStock', 'InStoreOnly', 'LimitedAvailability', 'MadeToOrder',
  'OnlineOnly', 'OutOfStock', 'PreOrder', 'PreSale', 'Reserved', 'SoldOut',
].map((word) => `https://schema.org/${word}`)
const CONDITION = ['NewCondition', 'RefurbishedCondition', 'UsedCondition', 'DamagedCondition']
  .map((word) => `https://schema.org/${word}`)
const RETURN_CATEGORY = [
  'MerchantReturnFiniteReturnWindow', 'MerchantReturnNotPermitted', 'MerchantReturnUnlimitedWindow',
].map((word) => `https://schema.org/${word}`)
const RETURN_FEES = ['FreeReturn', 'ReturnFeesCustomerResponsibility', 'ReturnShippingFees']
  .map((word) => `https://schema.org/${word}`)

const list = (values) => '`' + JSON.stringify(values) + '`'
// A test that passes when no item of `items` matches `filter`: jmespath counts them, and sdtt
// compares the count written as text (its checks treat a bare 0 as a missing value).
// (jmespath.js reads `!a.b` as `(!a).b`: negate a path in parentheses.)
const none = (description, items, filter) => ({
  description,
  test: `${items} | [?${filter}] | length(@) | to_string(@)`,
  expect: '0',
})

const OFFERS = 'Product[].offers[]'
const SHIPPING = `${OFFERS}.shippingDetails`
const RETURNS = `${OFFERS}.hasMerchantReturnPolicy`

const GoogleProduct = {
  name: 'Google product results',
  description: 'Product with offers, as Google requires for product snippets and merchant listings',
  schema: 'Product',
  conditional: { test: 'Product' },
  tests: [
    { test: 'Product[*].name', description: 'Product.name' },
    { test: 'Product[*].image', description: 'Product.image (merchant listings)' },
    { test: 'Product[*].offers', description: 'Product.offers (or review, or aggregateRating)' },
    none('every offer has a price', OFFERS, "!price && !lowPrice"),
    none('prices are numbers', OFFERS, "price && type(price) != 'number'"),
    none('low prices are numbers', OFFERS, "lowPrice && type(lowPrice) != 'number'"),
    none('every offer has a three-letter currency', OFFERS, "!priceCurrency || length(priceCurrency) != `3`"),
    none('availability is one Google reads', OFFERS, `availability && !contains(${list(AVAILABILITY)}, availability)`),
    none('itemCondition is one Google reads', OFFERS, `itemCondition && !contains(${list(CONDITION)}, itemCondition)`),
    none('every offer has an absolute URL', OFFERS, "!url || !(starts_with(url, 'https://') || starts_with(url, 'http://'))"),
    none('sellers are named', OFFERS, 'seller && !(seller.name)'),
    none('shipping has a rate with currency', SHIPPING, 'shippingRate.value == null || !(shippingRate.currency)'),
    none('shipping names its country', SHIPPING, '!(shippingDestination.addressCountry)'),
    none('delivery times are days', SHIPPING, "deliveryTime && (deliveryTime.handlingTime.unitCode != 'DAY' || deliveryTime.transitTime.unitCode != 'DAY')"),
    none('return policies name country and category', RETURNS, `!applicableCountry || !contains(${list(RETURN_CATEGORY)}, returnPolicyCategory)`),
    none('a return window has its days', RETURNS, "returnPolicyCategory == 'https://schema.org/MerchantReturnFiniteReturnWindow' && !merchantReturnDays"),
    none('return fees are ones Google reads', RETURNS, `returnFees && !contains(${list(RETURN_FEES)}, returnFees)`),
  ],
}

const Breadcrumbs = {
  name: 'Google breadcrumbs',
  description: 'BreadcrumbList items with position, name and item',
  schema: 'BreadcrumbList',
  conditional: { test: 'BreadcrumbList' },
  tests: [
    { test: 'BreadcrumbList[*].itemListElement', description: 'itemListElement' },
    none('every item has position, name and item', 'BreadcrumbList[].itemListElement[]', '!position || !name || !item'),
  ],
}

// sdtt's extractor does not look inside `@graph`, so each node becomes a script of its own:
// the same data, in the form it reads.
function splitGraphs (html) {
  return html.replace(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g, (whole, json) => {
    const data = JSON.parse(json)
    if (!Array.isArray(data['@graph'])) return whole
    return data['@graph']
      .map((node) => `<script type="application/ld+json">${JSON.stringify({ '@context': data['@context'], ...node })}</script>`)
      .join('')
  })
}

// A page that shows a price must carry a Product: etalase leaves the Product out only on a
// price-on-request page.
const showsPrice = (html) => /<span class="price">/.test(html)

async function problemsOf (html) {
  const split = splitGraphs(html)
  const options = { presets: [GoogleProduct, Breadcrumbs], schemas: showsPrice(html) ? ['Product', 'BreadcrumbList'] : ['BreadcrumbList'] }
  try {
    await structuredDataTest(split, options)
    return []
  } catch (err) {
    if (err.type !== 'VALIDATION_FAILED') throw err
    return err.res.failed.map((t) => `${t.description || t.test}: ${(t.error && t.error.message) || 'failed'}`)
  }
}

function productPages (site) {
  const pages = []
  for (const lang of fs.readdirSync(site)) {
    const products = path.join(site, lang, 'products')
    if (!fs.existsSync(products) || !fs.statSync(products).isDirectory()) continue
    for (const slug of fs.readdirSync(products).sort()) {
      const page = path.join(products, slug, 'index.html')
      if (fs.existsSync(page)) pages.push(page)
    }
  }
  return pages
}

// A product page with its first offer's currency removed and a made-up availability.
function broken (html) {
  return html
    .replace('"priceCurrency":"IDR"', '"priceCurrency":""')
    .replace(/"availability":"https:\/\/schema.org\/\w+"/, '"availability":"ready"')
}

async function main () {
  const site = process.argv[2]
  if (!site) {
    console.error('usage: node .ci/structured-data.js SITE_DIR')
    process.exit(64)
  }
  const pages = productPages(site)
  const priced = pages.find((page) => showsPrice(fs.readFileSync(page, 'utf8')))
  if (!priced) {
    console.error(`structured data: no product page with a price under ${site}`)
    process.exit(2)
  }
  const selfCheck = await problemsOf(broken(fs.readFileSync(priced, 'utf8')))
  if (selfCheck.length < 2) {
    console.error(`structured data: a page broken on purpose passed (${selfCheck.length} problems): the checks see nothing`)
    process.exit(2)
  }
  let failed = 0
  for (const page of pages) {
    const problems = await problemsOf(fs.readFileSync(page, 'utf8'))
    if (problems.length) {
      failed++
      console.log(`${path.relative(site, page)}: ${problems.join('; ')}`)
    }
  }
  console.log(`structured data: ${pages.length} product pages checked, ${failed} with errors`)
  process.exit(failed ? 1 : 0)
}

main().catch((err) => {
  console.error(err)
  process.exit(2)
})
