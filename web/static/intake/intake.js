/*
 * Intake page: builds the warm-handover summary ("één plan") in the browser from the outcome the
 * assistant sends (decision + answers). Nothing of it goes back to the server: the optional note
 * stays in sessionStorage of this tab. All values are put in the page as text.
 */
(function () {
  'use strict';

  var NOTE_KEY = 'relatieroute.v1.intake.note';

  var FIELD_LABELS = {
    acute_danger: 'Nu direct gevaar',
    violence: 'Geweld, dreiging, controle of angst voor (ex-)partner',
    children_unsafe: 'Kinderen onveilig',
    self_harm: 'Gedachten aan zelfdoding',
    relationship_status: 'Relatie',
    children_under_18: 'Kinderen onder 18',
    youngest_child_age: 'Leeftijd jongste kind',
    relationship_score: 'Rapportcijfer relatie',
    agreements_possible: 'Samen afspraken maken lukt',
    legal_proceedings: 'Advocaten of rechter betrokken',
    other_problems: 'Andere zorgen',
    goal: 'Wens',
    partner_willing: 'Partner wil meedoen',
    preference: 'Voorkeur voor hulp',
    barriers: 'Drempels'
  };
  var SAFETY_FIELDS = ['acute_danger', 'violence', 'children_unsafe', 'self_harm'];
  var SITUATION_FIELDS = ['relationship_status', 'children_under_18', 'youngest_child_age',
    'relationship_score', 'agreements_possible', 'legal_proceedings', 'other_problems', 'goal',
    'partner_willing', 'preference', 'barriers'];

  var VALUE_LABELS = {
    relationship_status: {
      together: 'Samen', doubting: 'Twijfelt over de relatie', separating: 'Gaat uit elkaar',
      separated: 'Uit elkaar', no_partner: 'Geen partner (meer)'
    },
    agreements_possible: { yes: 'Ja', sometimes: 'Soms', no: 'Nee' },
    other_problems: {
      money: 'Geld of schulden', housing: 'Wonen', work: 'Werk', health: 'Gezondheid',
      addiction: 'Verslaving'
    },
    goal: {
      improve: 'Samen verder en het beter maken', unsure: 'Weet het nog niet',
      separate_well: 'Goed uit elkaar gaan', maintenance: 'De relatie goed houden'
    },
    partner_willing: { yes: 'Ja', no: 'Nee', unknown: 'Weet niet' },
    preference: {
      online: 'Online, thuis', group: 'In een groep', one_evening: 'Eén avond',
      professional: 'Praten met een professional', none: 'Geen voorkeur'
    },
    barriers: {
      time: 'Tijd', shame: 'Schaamte', distance: 'Afstand', money: 'Geld', language: 'Taal'
    }
  };

  var ROUTE_LABELS = {
    veiligheid_acuut: 'Direct gevaar: 112',
    crisis: 'Crisis: 113 Zelfmoordpreventie',
    veiligheid: 'Veiligheid eerst: Veilig Thuis',
    rst: 'Relatie- en Scheidingsteam',
    partnerprogramma: 'Partnerprogramma in een groep',
    online: 'Online programma thuis',
    relatie_apk: 'Relatie-APK'
  };
  var SAFETY_ROUTES = ['veiligheid_acuut', 'crisis', 'veiligheid'];

  function byId(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function isBlank(value) {
    return value === null || value === undefined || value === '' ||
      (Array.isArray(value) && value.length === 0);
  }

  function plain(value) {
    if (isBlank(value)) {
      return '';
    }
    if (Array.isArray(value)) {
      return value.map(plain).filter(Boolean).join('; ');
    }
    if (typeof value === 'object') {
      return Object.keys(value).map(function (k) {
        var v = plain(value[k]);
        return v ? k + ': ' + v : '';
      }).filter(Boolean).join('; ');
    }
    return String(value);
  }

  function answerText(field, value, answered) {
    if (!answered) {
      return 'Niet gevraagd';
    }
    if (value === null || value === undefined) {
      return 'Weet niet / niet besproken';
    }
    if (typeof value === 'boolean') {
      return value ? 'Ja' : 'Nee';
    }
    var labels = VALUE_LABELS[field] || {};
    if (Array.isArray(value)) {
      return value.length ? value.map(function (v) { return labels[v] || String(v); }).join(', ')
        : 'Geen';
    }
    if (field === 'youngest_child_age' && value === 'expecting') {
      return 'Kind op komst';
    }
    return labels[value] || String(value);
  }

  function signupText(signup) {
    if (!signup || typeof signup !== 'object') {
      return plain(signup);
    }
    var parts = [];
    if (signup.phone) {
      parts.push('bel ' + signup.phone);
    }
    if (signup.url) {
      parts.push(String(signup.url));
    }
    if (signup.email) {
      parts.push('mail ' + signup.email);
    }
    return parts.join(' · ');
  }

  /**
   * The plan as data: sections of {title, rows: [[label, value]], lines: [text]}.
   * Rendered both as the page and as the copy text, so they never disagree.
   */
  function buildPlan(detail) {
    var decision = detail.decision || {};
    var answers = detail.answers || {};
    var gemeente = detail.gemeente || {};
    var contacts = detail.contacts || {};
    var route = decision.route || '';
    var safetyRoute = SAFETY_ROUTES.indexOf(route) >= 0;
    var sections = [];

    var safetyRows = SAFETY_FIELDS.map(function (f) {
      var has = Object.prototype.hasOwnProperty.call(answers, f);
      return [FIELD_LABELS[f], answerText(f, answers[f], has)];
    });
    sections.push({
      id: 'veiligheid',
      title: '1. Veiligheid',
      alert: safetyRoute ? 'Let op: er zijn signalen van onveiligheid. Veiligheid gaat voor: ' +
        'geen relatieprogramma of mediation zolang het niet veilig is.' : '',
      rows: safetyRows
    });

    var situationRows = [];
    SITUATION_FIELDS.forEach(function (f) {
      if (Object.prototype.hasOwnProperty.call(answers, f)) {
        situationRows.push([FIELD_LABELS[f], answerText(f, answers[f], true)]);
      }
    });
    sections.push({
      id: 'situatie',
      title: '2. Situatie',
      rows: situationRows,
      lines: situationRows.length ? [] : ['Niet besproken (de route werd door veiligheid bepaald).']
    });

    var routeRows = [['Route', decision.title || ROUTE_LABELS[route] || route]];
    if (decision.intensity) {
      routeRows.push(['Intensiteit', String(decision.intensity)]);
    }
    if (decision.rule) {
      routeRows.push(['Regel', String(decision.rule)]);
    }
    sections.push({
      id: 'route',
      title: '3. Route en waarom',
      rows: routeRows,
      listTitle: 'Waarom deze route',
      list: (Array.isArray(decision.reasons) ? decision.reasons : []).map(plain)
    });

    var offer = decision.offer;
    if (offer && typeof offer === 'object') {
      var offerRows = [['Aanbod', offer.name || '']];
      [['Aanbieder', offer.provider], ['Wat is het', offer.description],
        ['Aanmelden', signupText(offer.signup)], ['Kosten', offer.cost],
        ['Wachttijd', offer.waiting_time], ['Talen', offer.languages],
        ['Openingstijden', offer.opening_hours]].forEach(function (row) {
        var text = plain(row[1]);
        if (text) {
          offerRows.push([row[0], text]);
        }
      });
      sections.push({
        id: 'aanbod',
        title: '4. Lokaal aanbod',
        rows: offerRows,
        lines: decision.offer_is_fallback && decision.fallback_note ? [plain(decision.fallback_note)]
          : []
      });
    } else {
      sections.push({
        id: 'aanbod', title: '4. Lokaal aanbod',
        lines: decision.fallback_note ? [plain(decision.fallback_note)]
          : ['Geen programma: eerst veiligheid en contact met de hulp hieronder.']
      });
    }

    var steps = [];
    (Array.isArray(decision.safety_contacts) ? decision.safety_contacts : []).forEach(function (c) {
      if (c && typeof c === 'object') {
        steps.push([c.name, c.phone].filter(Boolean).join(': ') + (c.text ? ' — ' + c.text : ''));
      }
    });
    if (decision.urgency) {
      steps.push('Urgentie: ' + plain(decision.urgency));
    }
    if (offer && offer.name) {
      var how = signupText(offer.signup);
      steps.push('Aanmelden bij ' + offer.name + (how ? ': ' + how : '') + '.');
    }
    var unknown = Array.isArray(decision.unknown) ? decision.unknown : [];
    if (unknown.length) {
      steps.push('Nog navragen: ' + unknown.map(function (f) {
        return FIELD_LABELS[f] || String(f);
      }).join(', ') + '.');
    }
    var team = contacts.wijkteam || {};
    steps.push('Warme overdracht: bespreek dit plan met ' + (team.name || 'het wijkteam') +
      ' en spreek af wie de inwoner wanneer belt.');
    if (decision.safety_net) {
      steps.push(plain(decision.safety_net));
    }
    sections.push({ id: 'stappen', title: '5. Volgende stappen', list: steps });

    var contactRows = [];
    if (team.name || team.phone) {
      contactRows.push(['Wijkteam', [team.name, team.phone].filter(Boolean).join(', ')]);
    }
    if (team.email) {
      contactRows.push(['E-mail', String(team.email)]);
    }
    if (team.url) {
      contactRows.push(['Website', String(team.url)]);
    }
    if (team.hours) {
      contactRows.push(['Bereikbaar', plain(team.hours)]);
    }
    if (team.outside_hours) {
      contactRows.push(['Buiten die tijden', plain(team.outside_hours)]);
    }
    var general = contacts.general_contact || {};
    if (general.phone) {
      contactRows.push(['Gemeente', String(general.phone)]);
    }
    contactRows.push(['Veilig Thuis', '0800-2000 (gratis, dag en nacht)']);
    contactRows.push(['Direct gevaar', '112']);
    sections.push({ id: 'contact', title: '6. Contact', rows: contactRows });

    return {
      title: gemeente.name || contacts.name || 'Relatieroute',
      date: new Date().toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' }),
      sections: sections
    };
  }

  function renderPlan(plan) {
    var root = byId('plan-content');
    while (root.firstChild) {
      root.removeChild(root.firstChild);
    }
    var head = el('p', 'plan-meta', plan.title + ' · ' + plan.date);
    root.appendChild(head);
    plan.sections.forEach(function (section) {
      var box = el('section', 'plan-section plan-' + section.id);
      var headingId = 'plan-h-' + section.id;
      var heading = el('h3', null, section.title);
      heading.id = headingId;
      box.setAttribute('aria-labelledby', headingId);
      box.appendChild(heading);
      if (section.alert) {
        box.appendChild(el('p', 'plan-alert', section.alert));
      }
      if (section.rows && section.rows.length) {
        var dl = el('dl', 'plan-rows');
        section.rows.forEach(function (row) {
          var item = el('div', 'plan-row');
          item.appendChild(el('dt', null, row[0]));
          item.appendChild(el('dd', null, row[1]));
          dl.appendChild(item);
        });
        box.appendChild(dl);
      }
      (section.lines || []).forEach(function (line) {
        box.appendChild(el('p', null, line));
      });
      if (section.list && section.list.length) {
        if (section.listTitle) {
          box.appendChild(el('p', 'plan-list-title', section.listTitle + ':'));
        }
        var ul = el('ul', 'plan-list');
        section.list.forEach(function (line) {
          ul.appendChild(el('li', null, line));
        });
        box.appendChild(ul);
      }
      root.appendChild(box);
    });
    root.appendChild(el('p', 'plan-footnote',
      'Dit plan is in de browser gemaakt en niet op de server bewaard.'));
    root.hidden = false;
    byId('plan-empty').hidden = true;
    byId('plan-print').disabled = false;
    byId('plan-copy').disabled = false;
  }

  function planText(plan) {
    var out = ['Eén plan — warme overdracht', plan.title + ' · ' + plan.date, ''];
    plan.sections.forEach(function (section) {
      out.push(section.title);
      if (section.alert) {
        out.push(section.alert);
      }
      (section.rows || []).forEach(function (row) {
        out.push('- ' + row[0] + ': ' + row[1]);
      });
      (section.lines || []).forEach(function (line) {
        out.push(line);
      });
      if (section.list && section.list.length) {
        if (section.listTitle) {
          out.push(section.listTitle + ':');
        }
        section.list.forEach(function (line) {
          out.push('- ' + line);
        });
      }
      out.push('');
    });
    var note = byId('plan-note').value.trim();
    if (note) {
      out.push('Notitie');
      out.push(note);
      out.push('');
    }
    return out.join('\n').trim() + '\n';
  }

  var currentPlan = null;

  function setStatus(text) {
    var status = byId('plan-status');
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyFallback(text) {
    var area = el('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'plan-copy-buffer';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copyPlan() {
    if (!currentPlan) {
      return;
    }
    var text = planText(currentPlan);
    var done = function () { setStatus('Het plan staat op het klembord.'); };
    var failed = function () {
      if (copyFallback(text)) {
        done();
      } else {
        setStatus('Kopiëren lukt niet in deze browser. Gebruik Afdrukken of selecteer de tekst.');
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  function syncNote() {
    var note = byId('plan-note').value;
    byId('plan-note-print').textContent = note.trim() ? 'Notitie: ' + note.trim() : '';
    try {
      window.sessionStorage.setItem(NOTE_KEY, note);
    } catch (e) { /* not stored: fine */ }
  }

  function init() {
    var note = byId('plan-note');
    try {
      note.value = window.sessionStorage.getItem(NOTE_KEY) || '';
    } catch (e) { /* ignore */ }
    syncNote();
    note.addEventListener('input', syncNote);
    byId('plan-print').addEventListener('click', function () { window.print(); });
    byId('plan-copy').addEventListener('click', copyPlan);
    document.addEventListener('relatieroute:outcome', function (event) {
      if (!event.detail || event.detail.channel !== 'intake') {
        return;
      }
      currentPlan = buildPlan(event.detail);
      renderPlan(currentPlan);
      var plan = byId('plan');
      plan.setAttribute('data-ready', 'true');
    });
  }

  function clearPlan(event) {
    if (!event.detail || event.detail.channel !== 'intake') {
      return;
    }
    currentPlan = null;
    var root = byId('plan-content');
    while (root.firstChild) {
      root.removeChild(root.firstChild);
    }
    root.hidden = true;
    byId('plan-empty').hidden = false;
    byId('plan-print').disabled = true;
    byId('plan-copy').disabled = true;
    byId('plan').removeAttribute('data-ready');
  }

  document.addEventListener('relatieroute:restart', clearPlan);
  init();
})();
