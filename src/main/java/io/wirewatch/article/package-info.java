/**
 * What an article is once wirewatch accepts it, and the rules that decide whether it is accepted.
 *
 * <p>Wire formats are parsed elsewhere (codec) into {@link io.wirewatch.article.ArticleFields},
 * plain strings as the producer sent them; {@link io.wirewatch.article.ArticleValidator} turns
 * those into an {@link io.wirewatch.article.Article} or a {@link io.wirewatch.article.Rejection}. A
 * bad optional field becomes a warning on the article, never a rejection: losing an article is
 * worse than losing a date.
 */
package io.wirewatch.article;
