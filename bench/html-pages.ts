// Saved web pages for the import benchmark: the synthetic article text inside the markup a news
// site wraps around it. Kept apart from synthetic-text.ts so that changing the pages does not
// invalidate the cached libraries (whose key covers the generator's files).
import { articleBlocks, blockToHtml, escapeHtml, makeTitle, pickTopic, sentence } from './synthetic-text';
import type { Random, Vocabulary } from './vocabulary';

const NAV_ITEMS = ['World', 'Business', 'Markets', 'Commodities', 'Energy', 'Technology', 'Opinion', 'Data', 'Podcasts', 'Newsletters'];

/**
 * A saved news page: head with metadata, styles and scripts, navigation, the article with links,
 * emphasis, a list, a figure and a pull quote, related links and a footer. Sizes run about 40–150 KB, like the
 * pages analysts save from news sites.
 */
export function makeHtmlPage(random: Random, vocabulary: Vocabulary, totalWords: number, index: number): { html: string; title: string } {
  const topic = pickTopic(random);
  const title = makeTitle(random, vocabulary, topic);
  const { blocks } = articleBlocks(random, vocabulary, topic, title, totalWords);
  const body: string[] = [];
  for (const [position, block] of blocks.entries()) {
    if (block.kind !== 'p') {
      body.push(blockToHtml(block));
      continue;
    }
    let html = blockToHtml(block);
    if (random.chance(0.25)) {
      // A link around a word of the paragraph, as news sites link their own archive.
      html = html.replace(/ ([a-z]{5,}) /, ` <a href="https://news.example/topic/$1?utm_source=site" class="inline-link">$1</a> `);
    }
    if (random.chance(0.1)) html = html.replace(/ ([a-z]{4,}) /, ' <strong>$1</strong> ');
    body.push(html);
    if (position === 3) {
      body.push(
        `<figure class="media"><img src="https://cdn.news.example/img/${index}-${position}.jpg" alt="${escapeHtml(title)}" width="1200" height="675" loading="lazy"><figcaption>${escapeHtml(makeTitle(random, vocabulary, topic))}</figcaption></figure>`
      );
    }
    if (position === 6) {
      const items = Array.from({ length: random.int(3, 6) }, () => `<li>${escapeHtml(sentence(random, vocabulary, topic, random.int(5, 12)).text)}</li>`);
      body.push(`<ul class="key-points">${items.join('')}</ul>`);
    }
    if (position === 9) body.push(`<blockquote class="pull-quote"><p>${escapeHtml(sentence(random, vocabulary, topic, 14).text)}</p></blockquote>`);
  }
  const scripts = Array.from(
    { length: 6 },
    (_, i) =>
      `<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'pageview',section:'${random.pick(NAV_ITEMS)}',id:${index * 10 + i}});` +
      `(function(){var s=document.createElement('script');s.src='https://tracker${i}.example/t.js?'+Date.now();document.head.appendChild(s);})();</script>`
  ).join('\n');
  // Inline application state and a bundle, as server-rendered news sites embed them: most of a
  // saved page's bytes, none of its text.
  const state = `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
    props: { page: { id: index, title, related: Array.from({ length: random.int(20, 80) }, (_, i) => ({ id: i, headline: makeTitle(random, vocabulary, topic), url: `https://news.example/${random.int(100000, 999999)}` })) } },
    ads: Array.from({ length: random.int(10, 40) }, (_, i) => ({ slot: `slot-${i}`, sizes: [[300, 250], [728, 90]], targeting: { section: random.pick(NAV_ITEMS), pos: i } }))
  })}</script>`;
  const bundle = `<script>${Array.from({ length: random.int(150, 600) }, (_, i) => `function f${i}(a,b){var c=a*${i}+b;return c>${random.int(1, 999)}?f${Math.max(0, i - 1)}(c-1,b):c}`).join(';')}</script>`;
  const comments = Array.from(
    { length: random.int(0, 12) },
    () => `<div class="comment"><span class="comment-author">${escapeHtml(random.pick(vocabulary.common))}${random.int(1, 999)}</span><p>${escapeHtml(sentence(random, vocabulary, topic, random.int(8, 40)).text)}</p></div>`
  ).join('');
  const style = `<style>${Array.from({ length: 40 }, (_, i) => `.c${i}{margin:${i}px;padding:${i % 7}px;font:${12 + (i % 9)}px/1.4 Georgia,serif;color:#${(i * 99991).toString(16).slice(0, 6).padEnd(6, '0')}}`).join('')}</style>`;
  const nav = `<nav class="site-nav"><ul>${NAV_ITEMS.map((item) => `<li><a href="https://news.example/${item.toLowerCase()}">${item}</a></li>`).join('')}</ul></nav>`;
  const related = Array.from(
    { length: 8 },
    () => `<li><a href="https://news.example/${random.int(100000, 999999)}">${escapeHtml(makeTitle(random, vocabulary, topic))}</a></li>`
  ).join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | News Example</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${escapeHtml(title)}">
<meta property="og:title" content="${escapeHtml(title)}"><link rel="stylesheet" href="https://cdn.news.example/site.css">
${style}
${scripts}
${state}
${bundle}
</head><body class="article-page"><header class="masthead"><a href="/" class="logo">News Example</a>${nav}</header>
<main><article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<div class="byline">By <span itemprop="author">${escapeHtml(random.pick(vocabulary.common))} correspondent</span> · <time datetime="2024-0${random.int(1, 9)}-1${random.int(0, 9)}">${random.int(1, 28)} ${random.pick(['March', 'June', 'October'])} 2024</time></div>
<div class="story-body" onclick="track(this)">${body.join('\n')}</div>
</article><aside class="related"><h3>Related</h3><ul>${related}</ul></aside></main>
<section class="comments" aria-label="Comments">${comments}</section>
<footer class="site-footer"><p>© News Example. All rights reserved.</p><iframe src="https://ads.news.example/frame" width="300" height="250"></iframe></footer>
</body></html>`;
  return { html, title };
}
