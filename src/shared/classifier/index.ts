export { classifyHost, listedHosts, type Classification, type ClassificationSource } from './classify';
export { DOMAIN_LISTS } from './domain-lists';
export { KEYWORD_RULES, type KeywordRule } from './keyword-rules';
