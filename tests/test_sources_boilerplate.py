"""Whole HTML pages: navigation, site header and footer, side columns and cookie banners
are not the article. The pages below follow the markup of real CMS themes (WordPress
Twenty Twenty-One, SPIP's default squelettes, Drupal 10 Olivero) with French copy."""

from __future__ import annotations

from datetime import date

import pytest

import numlint
from numlint.config import Config, ConfigError
from numlint.sources import read_source

DAY = date(2025, 2, 11)
SLIP = "<p>La somme de 97,4&nbsp;milliards de dollars (près de 95&nbsp;millions d’euros).</p>"
NOISE = "Abonnez-vous : 1&nbsp;€ le premier mois, puis 9,99&nbsp;€"

WORDPRESS = f"""<!doctype html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>Rachat – Le Quotidien</title></head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
<header id="masthead" class="site-header has-menu" role="banner">
  <div class="site-branding"><p class="site-title">Le Quotidien</p>
  <p class="site-description">{NOISE}</p></div>
  <nav id="site-navigation" class="primary-navigation" aria-label="Menu principal">
    <ul id="primary-menu-list" class="menu-wrapper"><li><a href="/eco/">Économie</a></li>
    <li><a href="/top/">Top 10 000 entreprises</a></li></ul></nav>
</header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-1201" class="post-1201 post type-post status-publish">
  <header class="entry-header alignwide"><h1 class="entry-title">Un rachat à 97,4 milliards</h1>
  </header>
  <div class="entry-content">{SLIP}</div>
  <footer class="entry-footer default-max-width">Publié dans Économie</footer>
</article>
<aside class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries">
<h2 class="widget-title">Articles récents</h2><ul><li>Les 3&nbsp;000 plus grosses fortunes</li>
</ul></section></aside>
</main></div></div>
<footer id="colophon" class="site-footer" role="contentinfo">
  <div class="site-info">© 2024 Le Quotidien – 12 rue des Arts, 75001 Paris</div></footer>
</div>
<div id="cookie-law-info-bar" data-nosnippet="true"><span>Nous et nos 812 partenaires
utilisons des cookies.</span></div>
</body></html>
"""

SPIP = f"""<!DOCTYPE html>
<html dir="ltr" lang="fr" class="ltr fr no-js"><head><title>Rachat - Le site</title></head>
<body class="pas_surlignable page_article">
<div class="page">
  <div class="header" id="header" role="banner"><div class="accueil"><a rel="start home"
   href="https://example.org/">Le site</a></div><p class="slogan">{NOISE}</p></div>
  <div class="nav clearfix" id="nav" role="navigation"><ul class="menu-liste">
   <li class="menu-entree"><a href="spip.php?rubrique2">Les 100 chiffres</a></li></ul></div>
  <div class="main" role="main"><div class="wrapper hfeed"><div class="content hentry"
   id="content"><p class="arbo"><a href="./">Accueil</a> &gt; Économie</p>
   <div class="cartouche"><h1 class="surlignable">Un rachat à 97,4 milliards</h1></div>
   <div class="texte surlignable clearfix">{SLIP}</div></div></div></div>
  <div class="aside" role="complementary"><div class="menu"><h2>Dans la même rubrique</h2>
   <ul><li>Un budget de 12&nbsp;millions</li></ul></div></div>
  <div class="footer clearfix" role="contentinfo"><p class="colophon">2009-2024 Le site</p></div>
</div>
<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig">Ce site utilise 4 cookies.</div>
</div>
</body></html>
"""

DRUPAL = f"""<!DOCTYPE html>
<html lang="fr" dir="ltr"><head><title>Rachat | Le Journal</title></head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div id="page-wrapper" class="page-wrapper"><div id="page">
<header id="header" class="site-header" data-drupal-selector="site-header" role="banner">
 <div class="site-branding__text"><div class="site-branding__name">Le Journal</div>
 <div class="site-branding__slogan">{NOISE}</div></div>
 <nav role="navigation" aria-labelledby="block-olivero-main-menu-menu"
  id="block-olivero-main-menu" class="primary-nav block block-menu navigation">
  <ul class="menu primary-nav__menu"><li><a href="/node/2">2 000 abonnés</a></li></ul></nav>
</header>
<div id="main-wrapper" class="layout-main-wrapper layout-container">
<div id="main" class="layout-main"><div class="main-content">
<a id="main-content" tabindex="-1"></a>
<main role="main"><div class="region region--content grid-full">
<article data-history-node-id="42" role="article" class="node node--type-article">
 <header><h1 class="title page-title">Un rachat à 97,4 milliards</h1></header>
 <div class="node__content"><div class="text-content clearfix field field--name-body">
 {SLIP}</div></div>
</article></div></main></div></div>
<aside class="layout-sidebar-second" role="complementary"><div class="block">Les 5 plus
lus</div></aside>
</div>
<footer class="site-footer"><div class="site-footer__inner">Plan du site – 1998-2024</div>
</footer>
</div></div></div>
<div id="sliding-popup" class="sliding-popup-bottom eu-cookie-compliance-banner"
 role="alertdialog"><div class="eu-cookie-compliance-message">Ce site utilise 3 cookies.</div>
</div>
</body></html>
"""

PAGES = {"wordpress": WORDPRESS, "spip": SPIP, "drupal": DRUPAL}


@pytest.mark.parametrize("cms", PAGES)
def test_a_whole_page_is_read_without_its_boilerplate(cms):
    text = read_source(PAGES[cms], "html").text
    assert "97,4\u00a0milliards de dollars" in text
    assert "Un rachat à 97,4 milliards" in text  # the article's own header is kept
    for noise in ("Abonnez-vous", "Économie</a>", "812", "100 chiffres", "2 000 abonnés",
                  "cookies", "75001", "2009-2024", "1998-2024", "Top 10"):
        assert noise not in text, noise


@pytest.mark.parametrize("cms", PAGES)
def test_the_slip_is_found_at_its_place_in_the_page_and_nothing_else(cms):
    page = PAGES[cms]
    found = numlint.check(page, format="html", date=DAY)
    assert [(d.code, page[d.start : d.end]) for d in found] == [
        ("NL101", "95&nbsp;millions d’euros")
    ]


@pytest.mark.parametrize("cms", PAGES)
def test_boilerplate_is_read_when_asked(cms):
    page = PAGES[cms]
    text = read_source(page, "html", skip_boilerplate=False).text
    assert "Abonnez-vous" in text and "cookies" in text
    everything = numlint.check(page, format="html", date=DAY, skip_boilerplate=False)
    configured = numlint.check(page, format="html", date=DAY,
                               config={"skip-boilerplate": False})
    assert everything == configured
    assert len(everything) >= 1


def test_a_fragment_keeps_its_header_and_footer_unless_asked():
    fragment = f"<header>Un rachat de 12&nbsp;millions</header>{SLIP}<footer>Par X</footer>"
    assert "12\u00a0millions" in read_source(fragment, "html").text
    assert "12\u00a0millions" not in read_source(fragment, "html", skip_boilerplate=True).text
    assert "Par X" not in read_source(fragment, "html", skip_boilerplate=True).text


def test_header_footer_and_aside_inside_the_article_are_the_article():
    page = ("<html><body><article><header>Chapô : 12 millions</header><p>Texte</p>"
            "<aside>Encadré : 3 milliards</aside><footer>Par X</footer></article>"
            "<nav>Rubrique 2</nav></body></html>")
    text = read_source(page, "html").text
    assert "12 millions" in text and "3 milliards" in text and "Par X" in text
    assert "Rubrique" not in text


def test_an_unclosed_header_does_not_swallow_the_page():
    page = "<html><body><header>Le Journal<p>Un rachat de 12 millions.</p></body></html>"
    assert "12 millions" in read_source(page, "html").text


def test_nested_boilerplate_divs_end_at_their_own_end_tag():
    page = ('<html><body><div class="cookie-banner"><div>Nos 812 partenaires</div><div>OK</div>'
            "</div><p>Un rachat de 12 millions.</p></body></html>")
    text = read_source(page, "html").text
    assert "812" not in text and "OK" not in text and "12 millions" in text


def test_offsets_after_a_skipped_region_are_exact():
    page = "<html><body><nav>1 2 3</nav><p>Un rachat de 12 millions.</p></body></html>"
    prose = read_source(page, "html")
    start = prose.text.index("12")
    assert prose.to_source(start, start + 2) == (page.index("12 millions"),
                                                  page.index("12 millions") + 2)


def test_skip_boilerplate_must_be_a_boolean_in_the_configuration():
    assert Config.from_mapping({"skip-boilerplate": True}).skip_boilerplate is True
    assert Config.from_mapping({}).skip_boilerplate is None
    with pytest.raises(ConfigError, match="skip-boilerplate"):
        Config.from_mapping({"skip-boilerplate": "yes"})


def test_skip_boilerplate_must_be_a_boolean_at_the_call():
    with pytest.raises(TypeError, match="skip_boilerplate"):
        numlint.check("<p>x</p>", format="html", skip_boilerplate="yes")  # type: ignore[arg-type]
