import type { CategoryKey } from '../categories';

/**
 * Known sites by category. Keys are registrable domains or, where one
 * domain hosts different kinds of content, a more specific host
 * (news.yahoo.co.jp is news, shopping.yahoo.co.jp is shopping). The most
 * specific match wins. Japanese sites are listed alongside global ones.
 * Lists are data: adding a site never needs code; docs/classifier.md says how.
 */
export const DOMAIN_LISTS: Readonly<Record<CategoryKey, readonly string[]>> = {
  other: [],
  crypto: [
    'coinbase.com', 'binance.com', 'binance.us', 'kraken.com', 'okx.com', 'bybit.com', 'kucoin.com', 'bitflyer.com',
    'coincheck.com', 'bitbank.cc', 'gmo-coin.com', 'zaif.jp', 'uniswap.org', 'app.uniswap.org', 'curve.fi', 'aave.com',
    'lido.fi', 'makerdao.com', 'sushi.com', '1inch.io', 'pancakeswap.finance', 'etherscan.io', 'basescan.org',
    'arbiscan.io', 'polygonscan.com', 'bscscan.com', 'solscan.io', 'blockchain.com', 'coingecko.com',
    'coinmarketcap.com', 'defillama.com', 'dune.com', 'metamask.io', 'ethereum.org', 'bitcoin.org', 'coindesk.com',
    'cointelegraph.com', 'theblock.co', 'decrypt.co', 'coinpost.jp', 'crypto.com', 'rainbow.me', 'phantom.app',
  ],
  nft: [
    'opensea.io', 'blur.io', 'rarible.com', 'magiceden.io', 'foundation.app', 'superrare.com', 'zora.co',
    'looksrare.org', 'x2y2.io', 'niftygateway.com', 'tensor.trade', 'nft.coincheck.com', 'adam.jp', 'hexanft.com',
  ],
  news: [
    'nytimes.com', 'bbc.com', 'bbc.co.uk', 'reuters.com', 'apnews.com', 'theguardian.com', 'washingtonpost.com',
    'wsj.com', 'ft.com', 'bloomberg.com', 'cnn.com', 'aljazeera.com', 'economist.com', 'npr.org', 'lemonde.fr',
    'spiegel.de', 'nhk.or.jp', 'asahi.com', 'yomiuri.co.jp', 'mainichi.jp', 'nikkei.com', 'sankei.com',
    'jiji.com', 'kyodonews.jp', 'news.yahoo.co.jp', 'japantimes.co.jp', 'tokyo-np.co.jp', 'news.google.com',
    'news.livedoor.com', 'itmedia.co.jp', 'president.jp', 'toyokeizai.net', 'smartnews.com', 'newspicks.com',
  ],
  politics: [
    'politico.com', 'politico.eu', 'thehill.com', 'realclearpolitics.com', 'fivethirtyeight.com', 'votesmart.org',
    'ballotpedia.org', 'opensecrets.org', 'jimin.jp', 'cdp-japan.jp', 'komei.or.jp', 'jcp.or.jp', 'o-ishin.jp',
    'democrats.org', 'gop.com', 'go2senkyo.com', 'seijiyama.jp',
  ],
  social: [
    'x.com', 'twitter.com', 'reddit.com', 'facebook.com', 'instagram.com', 'threads.net', 'tiktok.com',
    'linkedin.com', 'pinterest.com', 'tumblr.com', 'bsky.app', 'mastodon.social', 'discord.com', 'farcaster.xyz',
    'warpcast.com', 'line.me', 'mixi.jp', '5ch.net', '2ch.sc', 'hatena.ne.jp', 'note.com', 'ameblo.jp', 'misskey.io',
    'quora.com', 'snapchat.com', 'weibo.com',
  ],
  finance: [
    'finance.yahoo.com', 'finance.yahoo.co.jp', 'marketwatch.com', 'investing.com', 'morningstar.com',
    'seekingalpha.com', 'fool.com', 'tradingview.com', 'kabutan.jp', 'minkabu.jp', 'nikkei225jp.com', 'sbisec.co.jp',
    'rakuten-sec.co.jp', 'monex.co.jp', 'matsui.co.jp', 'robinhood.com', 'etrade.com', 'schwab.com', 'fidelity.com',
    'vanguard.com', 'nerdwallet.com', 'investopedia.com', 'kabuyoho.jp', 'zaikei.co.jp',
  ],
  shopping: [
    'amazon.com', 'amazon.co.jp', 'amazon.co.uk', 'amazon.de', 'rakuten.co.jp', 'shopping.yahoo.co.jp', 'mercari.com',
    'jp.mercari.com', 'zozo.jp', 'yodobashi.com', 'biccamera.com', 'kakaku.com', 'ebay.com', 'etsy.com', 'walmart.com',
    'target.com', 'bestbuy.com', 'aliexpress.com', 'temu.com', 'shein.com', 'uniqlo.com', 'muji.com', 'ikea.com',
    'nitori-net.jp', 'auctions.yahoo.co.jp', 'paypayfleamarket.yahoo.co.jp', 'qoo10.jp', 'lohaco.yahoo.co.jp',
  ],
  tech: [
    'github.com', 'gitlab.com', 'stackoverflow.com', 'stackexchange.com', 'news.ycombinator.com', 'techcrunch.com',
    'theverge.com', 'arstechnica.com', 'wired.com', 'engadget.com', 'developer.mozilla.org', 'dev.to', 'medium.com',
    'npmjs.com', 'pypi.org', 'crates.io', 'qiita.com', 'zenn.dev', 'gigazine.net', 'gihyo.jp', 'publickey1.jp',
    'codezine.jp', 'impress.co.jp', 'watch.impress.co.jp', 'tech.nikkeibp.co.jp', 'slashdot.org', 'docker.com',
    'kubernetes.io', 'rust-lang.org', 'python.org', 'typescriptlang.org', 'vercel.com', 'cloudflare.com',
  ],
  ai: [
    'openai.com', 'chatgpt.com', 'anthropic.com', 'claude.ai', 'huggingface.co', 'perplexity.ai', 'deepmind.com',
    'deepmind.google', 'gemini.google.com', 'mistral.ai', 'cohere.com', 'stability.ai', 'midjourney.com',
    'replicate.com', 'kaggle.com', 'paperswithcode.com', 'together.ai', 'groq.com', 'deepseek.com', 'ai-scholar.tech',
    'ledge.ai', 'aismiley.co.jp', 'runwayml.com', 'elevenlabs.io', 'character.ai', 'poe.com',
  ],
  gaming: [
    'steampowered.com', 'steamcommunity.com', 'twitch.tv', 'epicgames.com', 'ign.com', 'gamespot.com', 'polygon.com',
    'kotaku.com', 'nintendo.com', 'nintendo.co.jp', 'playstation.com', 'xbox.com', 'famitsu.com', '4gamer.net',
    'dengekionline.com', 'gamewith.jp', 'game8.jp', 'itch.io', 'roblox.com', 'chess.com',
  ],
  entertainment: [
    'youtube.com', 'netflix.com', 'hulu.com', 'hulu.jp', 'disneyplus.com', 'primevideo.com', 'spotify.com',
    'imdb.com', 'rottentomatoes.com', 'nicovideo.jp', 'abema.tv', 'tver.jp', 'u-next.jp', 'pixiv.net', 'crunchyroll.com',
    'natalie.mu', 'oricon.co.jp', 'cinematoday.jp', 'eiga.com', 'soundcloud.com', 'vimeo.com', 'dazn.com',
  ],
  education: [
    'wikipedia.org', 'coursera.org', 'edx.org', 'khanacademy.org', 'udemy.com', 'duolingo.com', 'britannica.com',
    'mit.edu', 'stanford.edu', 'harvard.edu', 'u-tokyo.ac.jp', 'kyoto-u.ac.jp', 'schoo.jp', 'studysapuri.jp',
    'weblio.jp', 'kotobank.jp', 'arxiv.org', 'jstor.org', 'scholar.google.com', 'quizlet.com',
  ],
  travel: [
    'booking.com', 'expedia.com', 'airbnb.com', 'tripadvisor.com', 'agoda.com', 'hotels.com', 'kayak.com',
    'skyscanner.net', 'jalan.net', 'travel.rakuten.co.jp', 'ikyu.com', 'jtb.co.jp', 'his-j.com', 'jal.co.jp',
    'ana.co.jp', 'navitime.co.jp', 'jorudan.co.jp', 'japan-guide.com', 'klook.com', 'trip.com',
  ],
  sports: [
    'espn.com', 'nba.com', 'nfl.com', 'mlb.com', 'fifa.com', 'uefa.com', 'skysports.com', 'theathletic.com',
    'sportsnavi.yahoo.co.jp', 'sports.yahoo.co.jp', 'nikkansports.com', 'sponichi.co.jp', 'hochi.news', 'sanspo.com',
    'daily.co.jp', 'npb.jp', 'jleague.jp', 'number.bunshun.jp', 'olympics.com', 'gekisaka.jp',
  ],
  health: [
    'webmd.com', 'mayoclinic.org', 'healthline.com', 'nih.gov', 'cdc.gov', 'who.int', 'medlineplus.gov',
    'medicalnewstoday.com', 'drugs.com', 'clevelandclinic.org', 'nhs.uk', 'mhlw.go.jp', 'qlife.jp', 'medicalnote.jp',
    'caloo.jp', 'byoinnavi.jp', 'ubie.app', 'epark.jp', 'patientslikeme.com', 'psychologytoday.com', 'betterhelp.com',
  ],
  adult: [
    'pornhub.com', 'xvideos.com', 'xnxx.com', 'xhamster.com', 'onlyfans.com', 'redtube.com', 'youporn.com',
    'chaturbate.com', 'fanza.com', 'dmm.co.jp', 'dlsite.com', 'fansly.com', 'stripchat.com', 'spankbang.com',
  ],
  banking: [
    'chase.com', 'bankofamerica.com', 'wellsfargo.com', 'citi.com', 'citibank.com', 'hsbc.com', 'barclays.co.uk',
    'capitalone.com', 'paypal.com', 'wise.com', 'revolut.com', 'mufg.jp', 'bk.mufg.jp', 'smbc.co.jp', 'mizuhobank.co.jp',
    'resonabank.co.jp', 'jp-bank.japanpost.jp', 'rakuten-bank.co.jp', 'sbishinseibank.co.jp', 'paypay-bank.co.jp',
    'sonybank.net', 'aeonbank.co.jp', 'americanexpress.com', 'discover.com', 'smbc-card.com', 'jcb.co.jp',
  ],
  government: [
    'usa.gov', 'irs.gov', 'ssa.gov', 'gov.uk', 'europa.eu', 'go.jp', 'lg.jp', 'e-gov.go.jp', 'nta.go.jp',
    'myna.go.jp', 'digital.go.jp', 'kantei.go.jp', 'canada.ca', 'service.gov.uk', 'gov.au', 'bund.de',
  ],
};
