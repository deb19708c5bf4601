# ruff: noqa: E501  (prose from the report: long strings read better unbroken)
"""Demo content of the network app, taken from the report (German source, English and Arabic; the frame pages in all seven languages).

Report sections: 2.1 (Netzwerk Integration, February 2023, quarterly meetings),
3.1 (brainstorming in September 2023), 3.3.3 and 4.4/4.5 (language-mediator
pool, mentorships), 4.2 and 4.3 (the two working groups), 5 (Ausschuss on
14 November 2023) and 5.2 (Integrationskonferenz). Places and contact details
that the report does not give are marked as example data.
"""

import datetime

NEWS_INDEX = {
    "slug": "neuigkeiten",
    "de": {
        "title": "Neuigkeiten aus dem Netzwerk",
        "intro": "Was das Netzwerk Integration in Beckum bewegt.",
    },
    "en": {
        "slug": "news",
        "title": "News from the network",
        "intro": "What the Netzwerk Integration in Beckum is working on.",
    },
    "ar": {"slug": "الأخبار", "title": "أخبار الشبكة", "intro": "ما الذي تعمل عليه شبكة الاندماج في بيكوم."},
    "fa": {
        "slug": "اخبار",
        "title": "خبرهای شبکه",
        "intro": "کارهایی که Netzwerk Integration (شبکه ادغام) در بکوم انجام می‌دهد.",
    },
    "uk": {
        "slug": "новини",
        "title": "Новини мережі",
        "intro": "Над чим працює Netzwerk Integration (Мережа інтеграції) у Беккумі.",
    },
    "ru": {
        "slug": "новости",
        "title": "Новости сети",
        "intro": "Над чем работает Netzwerk Integration (Сеть интеграции) в Беккуме.",
    },
    "tr": {
        "slug": "haberler",
        "title": "Ağdan haberler",
        "intro": "Netzwerk Integration’ın (Uyum Ağı) Beckum’da üzerinde çalıştığı konular.",
    },
}

NEWS = [
    {
        "slug": "netzwerk-integration-gegruendet",
        "date": datetime.date(2023, 2, 15),
        "de": {
            "title": "Netzwerk Integration gegründet",
            "teaser": "30 haupt- und ehrenamtliche Aktive der Integrationsarbeit kamen zur konstituierenden Sitzung zusammen.",
            "content": (
                "<p>Im Februar 2023 kamen auf Initiative der Integrationsmanagerin 30 haupt- und ehrenamtliche "
                "Aktive der kommunalen Integrationsarbeit zusammen. Eingeladen sind alle Akteurinnen und Akteure "
                "der Integrationsarbeit aus Beckum.</p>"
                "<p>Das Netzwerk will Informationen und Erfahrungen austauschen, Ressourcen bündeln, Kooperationen "
                "verbessern und eine vielseitige Willkommenskultur erarbeiten. Es trifft sich vierteljährlich.</p>"
            ),
        },
        "en": {
            "title": "Netzwerk Integration founded",
            "teaser": "30 paid and volunteer integration workers came together for the founding meeting.",
            "content": (
                "<p>In February 2023, at the invitation of the integration manager, 30 paid and volunteer workers "
                "in local integration came together. All those working for integration in Beckum are invited.</p>"
                "<p>The network wants to share information and experience, pool resources, improve cooperation "
                "and build a many-sided culture of welcome. It meets every three months.</p>"
            ),
        },
        "ar": {
            "title": "تأسيس شبكة الاندماج",
            "teaser": "اجتمع 30 من العاملين والمتطوعين في مجال الاندماج في الجلسة التأسيسية.",
            "content": (
                "<p>في فبراير 2023 اجتمع بدعوة من مديرة الاندماج 30 من العاملين والمتطوعين في العمل البلدي "
                "للاندماج. الدعوة مفتوحة لكل من يعمل في مجال الاندماج في بيكوم.</p>"
                "<p>تريد الشبكة تبادل المعلومات والخبرات وجمع الموارد وتحسين التعاون وبناء ثقافة ترحيب متنوعة. "
                "تجتمع الشبكة كل ثلاثة أشهر.</p>"
            ),
        },
    },
    {
        "slug": "integration-bedeutet-fuer-mich",
        "date": datetime.date(2023, 9, 20),
        "de": {
            "title": "Brainstorming: „Integration bedeutet für mich …“",
            "teaser": "Beim dritten Netzwerktreffen sammelten die Mitglieder, was Integration für sie bedeutet.",
            "content": (
                "<p>Im dritten Netzwerktreffen im September 2023 fand ein erstes Brainstorming zur Bedeutung von "
                "Integration statt. Daraus soll ein gemeinsames Verständnis entstehen, wie Integration in Beckum "
                "gelebt werden kann und sollte.</p>"
            ),
        },
        "en": {
            "title": "Brainstorming: “Integration means to me …”",
            "teaser": "At the third network meeting, members collected what integration means to them.",
            "content": (
                "<p>At the third network meeting in September 2023, a first brainstorming on the meaning of "
                "integration took place. It is the start of a shared understanding of how integration can and "
                "should be lived in Beckum.</p>"
            ),
        },
        "ar": {
            "title": "عصف ذهني: «الاندماج يعني لي …»",
            "teaser": "في اللقاء الثالث للشبكة جمع الأعضاء ما يعنيه الاندماج بالنسبة لهم.",
            "content": (
                "<p>في اللقاء الثالث للشبكة في سبتمبر 2023 جرى أول عصف ذهني حول معنى الاندماج. ومنه ينبغي أن "
                "ينشأ فهم مشترك لكيفية عيش الاندماج في بيكوم.</p>"
            ),
        },
    },
    {
        "slug": "bericht-im-ausschuss-vorgestellt",
        "date": datetime.date(2023, 11, 14),
        "de": {
            "title": "Bericht im Ausschuss vorgestellt",
            "teaser": "Die Schwerpunkte des Integrationsmanagements wurden im Ausschuss vorgestellt und beschlossen.",
            "content": (
                "<p>Am 14. November 2023 wurden die gewählten Schwerpunkte dem Ausschuss für Inklusion, "
                "Gleichstellung, Soziales, Wohnen und Ehrenamt vorgestellt. Das Integrationsmanagement wurde mit "
                "der Umsetzung beauftragt.</p>"
                "<p>Die Schwerpunkte liegen in den Handlungsfeldern „Sprache“ und „Leben und Freizeit“.</p>"
            ),
        },
        "en": {
            "title": "Report presented to the committee",
            "teaser": "The priorities of the integration management were presented to the committee and approved.",
            "content": (
                "<p>On 14 November 2023, the chosen priorities were presented to the committee for inclusion, "
                "equality, social affairs, housing and volunteering. The integration management was asked to "
                "put them into practice.</p>"
                "<p>The priorities are in the fields “Language” and “Life and leisure”.</p>"
            ),
        },
        "ar": {
            "title": "عرض التقرير على اللجنة",
            "teaser": "عُرضت أولويات إدارة الاندماج على اللجنة وتمت الموافقة عليها.",
            "content": (
                "<p>في 14 نوفمبر 2023 عُرضت الأولويات المختارة على لجنة الدمج والمساواة والشؤون الاجتماعية "
                "والسكن والعمل التطوعي، وكُلّفت إدارة الاندماج بتنفيذها.</p>"
                "<p>تقع الأولويات في مجالي «اللغة» و«الحياة ووقت الفراغ».</p>"
            ),
        },
    },
    {
        "slug": "arbeitsgruppen-sprachmittlerpool-patenschaften",
        "date": datetime.date(2024, 1, 24),
        # Report 4.4: the Mütterzentrum arranges the Sprachpatenschaften.
        "organisations": ["Mütterzentrum"],
        "de": {
            "title": "Arbeitsgruppen starten, Sprachmittlerpool und Patenschaften im Netzwerk",
            "teaser": "Zwei Arbeitsgruppen nehmen die Arbeit auf; das Netzwerk berät über einen Beckumer Sprachmittlerpool und mehr Patenschaften.",
            "content": (
                "<p>Die Arbeitsgruppen „Kontakt mit städtischen Behörden“ und „Zusammenleben gestalten“ setzen "
                "sich aus Mitgliedern des Netzwerks zusammen. Über die Frequenz der Treffen entscheiden sie selbst.</p>"
                "<p>Im Netzwerk geht es um zwei Themen: Wie kann die Vermittlung von Patenschaften ausgebaut "
                "werden? Und wie kann Menschen, die auf Sprachvermittlung angewiesen sind, flexibel und "
                "unbürokratisch geholfen werden?</p>"
            ),
        },
        "en": {
            "title": "Working groups start, language-mediator pool and mentorships in the network",
            "teaser": "Two working groups begin; the network discusses a Beckum language-mediator pool and more mentorships.",
            "content": (
                "<p>The working groups “Contact with municipal authorities” and “Shaping living together” are made "
                "up of network members. They decide themselves how often they meet.</p>"
                "<p>The network works on two topics: how can more mentorships be arranged? And how can people who "
                "depend on language mediation be helped flexibly and without red tape?</p>"
            ),
        },
        "ar": {
            "title": "انطلاق مجموعات العمل، ومجمع الوسطاء اللغويين والمرافقة التطوعية في الشبكة",
            "teaser": "تبدأ مجموعتا عمل؛ وتناقش الشبكة إنشاء مجمع للوسطاء اللغويين في بيكوم وزيادة المرافقات التطوعية.",
            "content": (
                "<p>تتكوّن مجموعتا العمل «التواصل مع الدوائر البلدية» و«تشكيل العيش المشترك» من أعضاء الشبكة، "
                "وتقرّران بنفسيهما عدد مرات اللقاء.</p>"
                "<p>تعمل الشبكة على موضوعين: كيف يمكن توسيع ترتيب المرافقة التطوعية؟ وكيف يمكن مساعدة من يحتاجون إلى "
                "وساطة لغوية بمرونة ودون بيروقراطية؟</p>"
            ),
        },
    },
]

EVENT_INDEX = {
    "slug": "termine",
    "de": {"title": "Termine", "intro": "Netzwerktreffen, Integrationskonferenz und Fest der Kulturen."},
    "en": {
        "slug": "events",
        "title": "Events",
        "intro": "Network meetings, the integration conference and the Festival of Cultures.",
    },
    "ar": {
        "slug": "المواعيد",
        "title": "المواعيد",
        "intro": "لقاءات الشبكة ومؤتمر الاندماج ومهرجان الثقافات.",
    },
    "fa": {
        "slug": "رویدادها",
        "title": "رویدادها",
        "intro": "دیدارهای شبکه، کنفرانس ادغام و جشن فرهنگ‌ها (Fest der Kulturen).",
    },
    "uk": {
        "slug": "події",
        "title": "Події",
        "intro": "Зустрічі мережі, інтеграційна конференція і Fest der Kulturen (Свято культур).",
    },
    "ru": {
        "slug": "события",
        "title": "События",
        "intro": "Встречи сети, интеграционная конференция и Fest der Kulturen (Праздник культур).",
    },
    "tr": {
        "slug": "etkinlikler",
        "title": "Etkinlikler",
        "intro": "Ağ toplantıları, Uyum Konferansı ve Fest der Kulturen (Kültürler Şenliği).",
    },
}

EXAMPLE = " (Beispiel)"

EVENTS = [
    {
        "slug": "netzwerktreffen-integration",
        "start": (2026, 2, 25, 17, 0),
        "end": (2026, 2, 25, 19, 0),
        "recurrence": "monthly",
        "recurrence_interval": 3,
        "recurrence_until": datetime.date(2027, 12, 31),
        "de": {
            "title": "Netzwerktreffen Integration",
            "location": "Rathaus Beckum, Sitzungssaal" + EXAMPLE,
            "organiser": "Integrationsmanagement der Stadt Beckum",
            "description": (
                "<p>Das Netzwerk Integration kommt auf Einladung der Integrationsmanagerin vierteljährlich zusammen. "
                "Themen sind der Sprachmittlerpool, Patenschaften und die Berichte der Arbeitsgruppen.</p>"
            ),
            "registration": "Für Mitglieder des Netzwerks; Einladung per E-Mail.",
        },
        "en": {
            "title": "Network meeting Integration",
            "location": "Beckum town hall, meeting room (example)",
            "organiser": "Integration management of the town of Beckum",
            "description": (
                "<p>The Netzwerk Integration meets every three months at the invitation of the integration manager. "
                "Topics are the language-mediator pool, mentorships and the reports of the working groups.</p>"
            ),
            "registration": "For network members; invitation by e-mail.",
        },
        "ar": {
            "title": "لقاء شبكة الاندماج",
            "location": "دار بلدية بيكوم، قاعة الاجتماعات (مثال)",
            "organiser": "إدارة الاندماج في مدينة بيكوم",
            "description": (
                "<p>تجتمع شبكة الاندماج كل ثلاثة أشهر بدعوة من مديرة الاندماج. المواضيع هي مجمع الوسطاء "
                "اللغويين والمرافقة التطوعية (Patenschaften) وتقارير مجموعات العمل.</p>"
            ),
            "registration": "لأعضاء الشبكة؛ الدعوة بالبريد الإلكتروني.",
        },
    },
    {
        "slug": "integrationskonferenz-2027",
        "start": (2027, 3, 13, 10, 0),
        "end": (2027, 3, 13, 15, 0),
        "de": {
            "title": "Integrationskonferenz 2027",
            "location": "Stadthalle Beckum" + EXAMPLE,
            "organiser": "Integrationsmanagement der Stadt Beckum",
            "description": (
                "<p>Eine offene und jedem zugängliche Plattform: Ergebnisse und Erfahrungen aus der "
                "Integrationsförderung diskutieren, Aktive aus allen Handlungsfeldern und Gremien "
                "zusammenbringen und für Integration, interkulturelle Öffnung und Vielfalt sensibilisieren.</p>"
            ),
            "registration": "Anmeldung beim Integrationsmanagement bis zum 26. Februar 2027.",
        },
        "en": {
            "title": "Integration conference 2027",
            "location": "Beckum town hall events centre (example)",
            "organiser": "Integration management of the town of Beckum",
            "description": (
                "<p>An open platform for everyone: discuss results and experience of integration work, bring "
                "together people from all fields and committees, and raise awareness of integration, "
                "intercultural openness and diversity.</p>"
            ),
            "registration": "Register with the integration management by 26 February 2027.",
        },
        "ar": {
            "title": "مؤتمر الاندماج 2027",
            "location": "قاعة مدينة بيكوم (مثال)",
            "organiser": "إدارة الاندماج في مدينة بيكوم",
            "description": (
                "<p>منصة مفتوحة للجميع: مناقشة نتائج وتجارب العمل في مجال الاندماج، وجمع الفاعلين من كل "
                "المجالات واللجان، والتوعية بالاندماج والانفتاح بين الثقافات والتنوع.</p>"
            ),
            "registration": "التسجيل لدى إدارة الاندماج حتى 26 فبراير 2027.",
        },
    },
    {
        "slug": "fest-der-kulturen-2026",
        "start": (2026, 6, 13, 14, 0),
        "end": (2026, 6, 13, 20, 0),
        "de": {
            "title": "Fest der Kulturen 2026",
            "location": "Marktplatz Beckum" + EXAMPLE,
            "organiser": "Integrationsrat der Stadt Beckum",
            "description": (
                "<p>Vereine und Träger gestalten das Fest gemeinsam mit geflüchteten und neuzugewanderten "
                "Menschen. Hier entstehen erste Kontakte, die in einer Patenschaft weitergehen können.</p>"
            ),
            "registration": "Eintritt frei, keine Anmeldung nötig.",
        },
        "en": {
            "title": "Festival of Cultures 2026",
            "location": "Beckum market square (example)",
            "organiser": "Integration council of the town of Beckum",
            "description": (
                "<p>Associations and organisations prepare the festival together with refugees and newcomers. "
                "First contacts made here can continue as a mentorship.</p>"
            ),
            "registration": "Free entry, no registration needed.",
        },
        "ar": {
            "title": "مهرجان الثقافات 2026",
            "location": "ساحة السوق في بيكوم (مثال)",
            "organiser": "مجلس الاندماج في مدينة بيكوم",
            "description": (
                "<p>تنظّم الجمعيات والمؤسسات المهرجان مع اللاجئين والقادمين الجدد. هنا تنشأ أولى المعارف "
                "التي يمكن أن تستمر في مرافقة تطوعية.</p>"
            ),
            "registration": "الدخول مجاني، لا حاجة للتسجيل.",
        },
    },
    {
        "slug": "fest-der-kulturen-2027",
        "start": (2027, 6, 12, 14, 0),
        "end": (2027, 6, 12, 20, 0),
        "de": {
            "title": "Fest der Kulturen 2027",
            "location": "Marktplatz Beckum" + EXAMPLE,
            "organiser": "Integrationsrat der Stadt Beckum",
            "description": (
                "<p>Das Fest der Kulturen zeigt, wie gut gemeinsam vorbereitete Veranstaltungen gelingen. "
                "Wer mitmachen möchte, meldet sich beim Integrationsrat.</p>"
            ),
            "registration": "Eintritt frei, keine Anmeldung nötig.",
        },
        "en": {
            "title": "Festival of Cultures 2027",
            "location": "Beckum market square (example)",
            "organiser": "Integration council of the town of Beckum",
            "description": (
                "<p>The Festival of Cultures shows how well events prepared together work. "
                "If you would like to take part, contact the integration council.</p>"
            ),
            "registration": "Free entry, no registration needed.",
        },
        "ar": {
            "title": "مهرجان الثقافات 2027",
            "location": "ساحة السوق في بيكوم (مثال)",
            "organiser": "مجلس الاندماج في مدينة بيكوم",
            "description": (
                "<p>يُظهر مهرجان الثقافات كيف تنجح الفعاليات التي يُحضَّر لها معًا. "
                "من يرغب في المشاركة يتواصل مع مجلس الاندماج.</p>"
            ),
            "registration": "الدخول مجاني، لا حاجة للتسجيل.",
        },
    },
]

NETWORK_AREA = {
    "slug": "netzwerk-intern",
    "title": "Netzwerk intern",
    "intro": "Nur für Mitglieder des Netzwerks Integration: Protokolle, interne Nachrichten und die Bereiche der Arbeitsgruppen.",
    "content": "<p>Bitte geben Sie Informationen zu Angeboten und Ansprechpersonen an die Integrationsmanagerin weiter (Bericht, Abschnitt 4.6).</p>",
    "children": [
        {
            "slug": "protokoll-netzwerktreffen-september-2023",
            "kind": "minutes",
            "date": datetime.date(2023, 9, 20),
            "title": "Protokoll des Netzwerktreffens im September 2023",
            "content": (
                "<p>Drittes Netzwerktreffen. Brainstorming „Integration bedeutet für mich …“.</p>"
                "<ul><li>Vorschlag für die Arbeitsschwerpunkte 2024 besprochen: Sprachmittlerpool, Patenschaften, "
                "zwei Arbeitsgruppen.</li><li>Wohnen: keine eigene Bearbeitung durch das Netzwerk vorerst.</li></ul>"
            ),
        }
    ],
}

WORKING_GROUPS = [
    {
        "slug": "ag-kontakt-mit-staedtischen-behoerden",
        "group_index": 0,
        "title": "AG Kontakt mit städtischen Behörden",
        "mandate": (
            "<p>Wie können verlässliche Anlaufstellen mit interkulturell geschultem Personal eingerichtet werden, "
            "die Menschen bei der Bearbeitung von Anträgen und in der Korrespondenz mit Behörden unterstützen? "
            "Welche Modelle gibt es?</p>"
        ),
        "network_needs": (
            "<p>Mitwirkende in einer Arbeitsgruppe, die sich unterschiedliche Modelle für eine solche Anlaufstelle "
            "anschauen und deren Vor- und Nachteile beschreiben. Gemeinsam mit der Integrationsmanagerin werden die "
            "Modelle verschriftlicht und im Ausschuss für Inklusion, Gleichstellung, Soziales, Wohnen und Ehrenamt "
            "vorgestellt.</p>"
        ),
        "manager_role": (
            "<p>Sie organisiert die Treffen der Arbeitsgruppe, bringt dort Praxisbeispiele aus anderen Kommunen ein "
            "und fasst die Ergebnisse zusammen.</p>"
        ),
        "done_when": (
            "<p>Es liegt ein Papier vor, in dem verschiedene Modelle zur Gestaltung eines einfachen und "
            "niedrigschwelligen Kontakts mit städtischen Behörden beschrieben werden. Auch mögliche Vor- und "
            "Nachteile in der Umsetzung werden beschrieben.</p>"
        ),
        "children": [
            {
                "slug": "protokoll-auftakttreffen",
                "kind": "minutes",
                "date": datetime.date(2024, 2, 7),
                "title": "Protokoll des Auftakttreffens",
                "content": (
                    "<p>Die AG sammelt Modelle für Anlaufstellen mit interkulturell geschultem Personal.</p>"
                    "<ul><li>Aufgabe: Praxisbeispiele aus anderen Kommunen zusammentragen.</li>"
                    "<li>Aufgabe: Vor- und Nachteile je Modell beschreiben.</li></ul>"
                ),
            },
            {
                "slug": "entwurf-modelle-anlaufstelle",
                "kind": "draft",
                "date": datetime.date(2024, 4, 10),
                "title": "Entwurf: Modelle für eine Anlaufstelle",
                "content": (
                    "<p>Entwurf für den Ausschuss. Modell A: feste Sprechstunde im Rathaus. Modell B: Lotsinnen und "
                    "Lotsen begleiten zu Terminen. Modell C: Anlaufstelle in einer Beratungsstelle eines Trägers.</p>"
                ),
            },
        ],
        "documents": [
            (
                "Entwurf Modellpapier Anlaufstelle",
                "entwurf-modellpapier-anlaufstelle.txt",
                "Entwurf (Demo): Modelle für einen einfachen und niedrigschwelligen Kontakt mit städtischen Behörden.\n"
                "Modell A: Sprechstunde im Rathaus. Modell B: Lotsen begleiten. Modell C: Anlaufstelle bei einem Träger.\n",
            ),
            (
                "Protokoll AG Behörden Februar 2024",
                "protokoll-ag-behoerden-2024-02.txt",
                "Protokoll (Demo) des Auftakttreffens der AG Kontakt mit städtischen Behörden.\n",
            ),
        ],
    },
    {
        "slug": "ag-zusammenleben-gestalten",
        "group_index": 1,
        "title": "AG Zusammenleben gestalten",
        "mandate": (
            "<p>Wie können geflüchtete und neuzugewanderte Menschen nach ihren Interessen gefragt und passende "
            "Angebote vermittelt oder initiiert werden?</p>"
        ),
        "network_needs": (
            "<p>Menschen, die bereit sind, die Interessen geflüchteter und neuzugewanderter Menschen in Beckum zu "
            "erfragen und gemeinsam mit ihnen Ideen zur Gestaltung des Zusammenlebens umzusetzen.</p>"
        ),
        "manager_role": (
            "<p>Verknüpft die Aktivitäten dieser Arbeitsgruppe mit denen im Handlungsschwerpunkt „Patenschaften“ "
            "und koordiniert die Umsetzung der Ideen.</p>"
        ),
        "done_when": "<p>Solange sich Engagierte finden, die das voranbringen wollen.</p>",
        "children": [
            {
                "slug": "aufgaben-interessen-erfragen",
                "kind": "tasks",
                "date": datetime.date(2024, 3, 6),
                "title": "Aufgaben: Interessen erfragen",
                "content": (
                    "<ul><li>Fragebogen in einfacher Sprache entwerfen.</li>"
                    "<li>Beim Fest der Kulturen ins Gespräch kommen.</li>"
                    "<li>Ergebnisse mit dem Thema Patenschaften abstimmen.</li></ul>"
                ),
            }
        ],
        "documents": [
            (
                "Fragebogen Interessen Entwurf",
                "fragebogen-interessen-entwurf.txt",
                "Entwurf (Demo): Was machen Sie gern in Ihrer Freizeit? Welche Angebote in Beckum kennen Sie?\n",
            ),
        ],
    },
]

REQUEST_FORMS = [
    {
        "slug": "sprachmittlung-anfragen",
        "kind": "mediator",
        "de": {
            "title": "Sprachmittlung anfragen",
            "intro": (
                "Sie brauchen Unterstützung beim Verstehen, zum Beispiel bei einem Arztbesuch oder in der Schule? "
                "Die Integrationsmanagerin vermittelt Ihre Anfrage an eine ehrenamtliche Sprachmittlerin oder "
                "einen Sprachmittler aus dem Beckumer Pool."
            ),
        },
        "en": {
            "slug": "language-mediator",
            "title": "Ask for a language mediator",
            "intro": (
                "Do you need help to understand, for example at the doctor's or at school? The integration manager "
                "passes your request on to a volunteer language mediator from the Beckum pool."
            ),
        },
        "ar": {
            "slug": "طلب-وسيط-لغوي",
            "title": "طلب وسيط لغوي",
            "intro": (
                "هل تحتاج إلى مساعدة في الفهم، مثلًا عند زيارة الطبيب أو في المدرسة؟ تنقل مديرة الاندماج طلبك "
                "إلى وسيط لغوي متطوع من مجمع بيكوم."
            ),
        },
        "fa": {
            "slug": "میانجی-زبانی",
            "title": "درخواست میانجی زبانی",
            "intro": (
                "برای فهمیدن به کمک نیاز دارید، مثلاً هنگام رفتن به پزشک یا در مدرسه؟ مدیر ادغام درخواست شما را "
                "به یک میانجی زبانی داوطلب از گروه میانجی‌های بکوم می‌سپارد."
            ),
        },
        "uk": {
            "slug": "мовний-посередник",
            "title": "Запит на мовного посередника",
            "intro": (
                "Вам потрібна допомога, щоб зрозуміти, наприклад у лікаря чи в школі? Менеджерка з інтеграції "
                "передасть ваш запит мовному посередникові-волонтерові з пулу Беккума."
            ),
        },
        "ru": {
            "slug": "языковой-посредник",
            "title": "Запрос на языкового посредника",
            "intro": (
                "Вам нужна помощь, чтобы понять, например у врача или в школе? Менеджер по интеграции передаст "
                "ваш запрос языковому посреднику-волонтёру из пула Беккума."
            ),
        },
        "tr": {
            "slug": "dil-aracısı",
            "title": "Dil aracısı talep edin",
            "intro": (
                "Anlamak için desteğe mi ihtiyacınız var, örneğin doktora gittiğinizde veya okulda? Uyum yöneticisi "
                "talebinizi Beckum havuzundaki gönüllü bir dil aracısına iletir."
            ),
        },
    },
    {
        "slug": "patenschaft",
        "kind": "mentorship",
        "de": {
            "title": "Patenschaft: Patin oder Pate finden oder werden",
            "intro": (
                "Gemeinsame Aktivitäten und regelmäßiges Miteinander helfen beim Einleben. Suchen Sie eine Patin "
                "oder einen Paten, oder möchten Sie selbst eine Patenschaft übernehmen?"
            ),
        },
        "en": {
            "slug": "mentorship",
            "title": "Mentorship: find or become a mentor",
            "intro": (
                "Doing things together and meeting regularly helps to settle in. Are you looking for a mentor, or "
                "would you like to become one?"
            ),
        },
        "ar": {
            "slug": "المرافقة-التطوعية",
            "title": "المرافقة التطوعية (Patenschaft): ابحث عن مرافق متطوع أو كن أنت مرافقًا",
            "intro": (
                "الأنشطة المشتركة واللقاءات المنتظمة تساعد على الاستقرار. هل تبحث عن مرافق متطوع، أو تريد أن تصبح "
                "أنت مرافقًا متطوعًا؟"
            ),
        },
        "fa": {
            "slug": "همراهی-داوطلبانه",
            "title": "همراهی داوطلبانه (Patenschaft): همراه پیدا کنید یا همراه شوید",
            "intro": (
                "فعالیت‌های مشترک و دیدارهای منظم به جاافتادن در محیط تازه کمک می‌کنند. دنبال یک همراه داوطلب "
                "هستید یا می‌خواهید خودتان همراه کسی شوید؟"
            ),
        },
        "uk": {
            "slug": "наставництво",
            "title": "Наставництво: знайти наставника або стати ним",
            "intro": (
                "Спільні заняття і регулярні зустрічі допомагають освоїтися на новому місці. Шукаєте наставницю "
                "чи наставника або хочете самі стати наставником?"
            ),
        },
        "ru": {
            "slug": "наставничество",
            "title": "Наставничество: найти наставника или стать им",
            "intro": (
                "Совместные занятия и регулярные встречи помогают освоиться на новом месте. Ищете наставника "
                "или хотите сами им стать?"
            ),
        },
        "tr": {
            "slug": "gönüllü-rehberlik",
            "title": "Gönüllü rehberlik: Rehber bulun veya rehber olun",
            "intro": (
                "Birlikte yapılan etkinlikler ve düzenli görüşmeler yeni yere alışmayı kolaylaştırır. Gönüllü bir "
                "rehber mi arıyorsunuz, yoksa kendiniz mi rehber olmak istiyorsunuz?"
            ),
        },
    },
]

# Fictitious people: every record is marked as example data.
POOL_MEMBERS = [
    {
        "name": "Samira Haddad (Beispiel)",
        "availability": "Werktags ab 16 Uhr, kurzfristig nach Absprache",
        "phone": "02521 000 101",
        "email": "samira.haddad@beispiel.example",
        "consent_date": datetime.date(2024, 3, 1),
        "languages": [("ar", "native"), ("de", "fluent"), ("en", "good")],
    },
    {
        "name": "Olena Kovalenko (Beispiel)",
        "availability": "Dienstag und Donnerstag vormittags",
        "phone": "02521 000 102",
        "email": "olena.kovalenko@beispiel.example",
        "consent_date": datetime.date(2024, 4, 15),
        "languages": [("uk", "native"), ("ru", "fluent"), ("de", "good")],
    },
    {
        "name": "Reza Ahmadi (Beispiel)",
        "availability": "Samstags und nach Absprache",
        "phone": "",
        "email": "reza.ahmadi@beispiel.example",
        "consent_date": datetime.date(2024, 5, 20),
        "languages": [("fa", "native"), ("ps", "good"), ("de", "good")],
    },
    {
        "name": "Ayşe Demir (Beispiel)",
        "availability": "Montags bis freitags nach 17 Uhr",
        "phone": "02521 000 104",
        "email": "",
        "consent_date": datetime.date(2024, 6, 3),
        "languages": [("tr", "native"), ("ku", "basic"), ("de", "native")],
    },
]
