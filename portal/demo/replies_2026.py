"""Demonstration replies to the 2026 cycle: a few States part-way through, one reply submitted.

Answers typed by a contributor and by the focal point, some revised afterwards, so that the
progress, the history of each answer and the timeline show what real use produces.
"""

from __future__ import annotations

from portal.demo.replies_2011 import ref, text

# The State whose focal point has submitted the whole reply; the others are drafts.
SUBMITTED_2026 = "PRT"

REPLIES_2026: dict[str, dict] = {
    "CAN": {
        "by_contributor": {
            "SD-6": {
                "status": "partially",
                "measures": text(
                    "Canada launched the National Action Plan to End Gender-Based Violence in November 2022, a ten-year "
                    "framework agreed between the federal, provincial and territorial governments.",
                    "The Criminal Code was amended to strengthen the response to intimate partner violence.",
                ),
                "references": [
                    ref("National Action Plan to End Gender-Based Violence", "Federal, provincial and territorial ministers responsible for the status of women", "2022-11-09"),
                ],
                "challenges": ["coordination"],
            },
            "SD-7": {
                "status": "fully",
                "measures": text(
                    "The Canadian Victims Bill of Rights gives victims of crime statutory rights to information, protection, "
                    "participation and restitution at every stage of the criminal justice process, and a complaint mechanism "
                    "in each federal department and agency concerned.",
                    "The Federal Ombudsperson for Victims of Crime receives complaints from victims and reviews systemic "
                    "issues; its reports are public.",
                ),
                "references": [
                    ref("Canadian Victims Bill of Rights", "S.C. 2015, c. 13, s. 2", "2015-04-23",
                        "https://laws-lois.justice.gc.ca/eng/acts/C-23.7/"),
                ],
                "agencies": "Department of Justice Canada (Policy Centre for Victim Issues); Office of the Federal Ombudsperson for Victims of Crime; Public Safety Canada.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
        },
        "by_focal_point": {
            "SD-1": {
                "status": "fully",
                "measures": "The Canadian Charter of Rights and Freedoms binds every government and every actor of the criminal "
                            "justice system; courts exclude evidence obtained in breach of it. Independent bodies oversee the "
                            "police and corrections.",
                "references": [ref("Canadian Charter of Rights and Freedoms", "Constitution Act, 1982, Part I", "1982-04-17")],
            },
            "SD-27": {
                "status": "fully",
                "measures": "Under the Youth Criminal Justice Act, custody is a last resort for young persons: extrajudicial "
                            "measures are presumed adequate for non-violent first offences, and custodial sentences are "
                            "reserved for violent or repeated offences. Youth custody has fallen sharply since the Act came "
                            "into force in 2003.",
                "references": [ref("Youth Criminal Justice Act", "S.C. 2002, c. 1", "2002-02-19",
                                   "https://laws-lois.justice.gc.ca/eng/acts/Y-1.5/")],
                "examples": "Statistics Canada publishes the number of young persons in custody each year in its Youth Custody and Community Services survey.",
            },
        },
        # The focal point rewrites the contributor's first draft: the item's history shows both.
        "revisions": {
            "SD-6": {
                "measures": text(
                    "Canada launched the National Action Plan to End Gender-Based Violence in November 2022: a ten-year "
                    "framework agreed between the federal, provincial and territorial governments, with bilateral "
                    "agreements that fund each province and territory for its own priorities.",
                    "The plan rests on five pillars: support for victims, survivors and their families; prevention; a "
                    "responsive justice system; approaches led by Indigenous partners; and social infrastructure and an "
                    "enabling environment.",
                    "In criminal law, the Criminal Code was amended to treat the abuse of an intimate partner as an "
                    "aggravating circumstance at sentencing and to make coercive and controlling conduct in intimate "
                    "relationships an offence (a bill to that effect was before Parliament when this reply was written).",
                    "Federal funding supports shelters and transition houses, in particular in rural, remote and northern "
                    "communities, where access to services is hardest.",
                    "Canada will report on the plan's results through its annual progress reports, which include "
                    "indicators developed with Statistics Canada.",
                ),
            },
        },
        "general": {
            "focal_point_name": "Claire Tremblay",
            "focal_point_institution": "Department of Justice Canada",
        },
    },
    "ARG": {
        "by_focal_point": {
            "SD-36": {
                "status": "fully",
                "measures": text(
                    "Argentina's Law No. 26.364 on the prevention and punishment of trafficking in persons and assistance to "
                    "its victims, amended by Law No. 26.842 in 2012, makes trafficking an offence regardless of the "
                    "victim's consent and guarantees victims free legal aid, accommodation, medical and psychological care "
                    "and the right not to be punished for offences committed as a direct result of being trafficked.",
                    "The Federal Council for the Fight against Trafficking and Exploitation of Persons coordinates the "
                    "national and provincial authorities, and the National Programme for the Rescue and Accompaniment of "
                    "Persons Affected by Trafficking assists victims from the moment they are identified.",
                ),
                "references": [
                    ref("Law No. 26.364 on the prevention and punishment of trafficking in persons and assistance to its victims", "Law No. 26.364", "2008-04-09"),
                    ref("Law No. 26.842 amending Law No. 26.364", "Law No. 26.842", "2012-12-19"),
                ],
                "agencies": "Ministry of Justice (National Programme for Rescue); Federal Council for the Fight against Trafficking; Office of the Prosecutor for Trafficking and Exploitation of Persons (PROTEX).",
                "examples": "The toll-free line 145 receives reports of trafficking around the clock; PROTEX publishes yearly statistics of cases brought to court.",
                "can_offer_expertise": "yes",
            },
            "SD-37": {
                "status": "partially",
                "measures": "The Migration Law makes the smuggling of migrants an offence, with heavier penalties where the life "
                            "or safety of migrants is endangered or where minors are involved.",
                "references": [ref("Migration Law, articles 116-121", "Law No. 25.871", "2004-01-20")],
                "challenges": ["coordination", "capacity"],
                "assistance_needed": "yes",
                "assistance_kinds": ["training", "data"],
                "assistance_priority": "medium",
            },
        },
        "by_contributor": {
            "SD-6": {
                "status": "partially",
                "measures": "Law No. 26.485 on comprehensive protection to prevent, punish and eradicate violence against women "
                            "covers every sphere in which women live. Since 2019, Law No. 27.499 (the \u201cMicaela law\u201d) makes "
                            "training on gender and violence against women compulsory for everyone working in the three branches "
                            "of the State.",
                "references": [
                    ref("Law No. 26.485 on comprehensive protection of women", "Law No. 26.485", "2009-03-11"),
                    ref("Micaela law on compulsory gender training in the three branches of the State", "Law No. 27.499", "2018-12-19"),
                ],
                "challenges": ["resources", "coordination"],
            },
        },
        "general": {},
    },
    "CZE": {
        "by_focal_point": {
            "SD-18": {
                "status": "fully",
                "measures": "Once the Act on the criminal liability of legal persons came into force in 2012, the Czech Republic "
                            "ratified the United Nations Convention against Transnational Organized Crime in 2013. The shortcoming "
                            "it reported in 2011 has been removed.",
                "references": [
                    ref("Act on the criminal liability of legal persons and proceedings against them", "Act No. 418/2011 Coll.", "2011-11-29"),
                ],
            },
            "SD-17": {
                "status": "fully",
                "measures": "Czechia ratified the United Nations Convention against Corruption in 2013 and has taken part in both "
                            "cycles of its implementation review mechanism.",
            },
        },
        "by_contributor": {
            "SD-28": {
                "status": "fully",
                "measures": text(
                    "The Act on victims of crime treats children as particularly vulnerable victims: they are entitled to "
                    "free legal aid, to be interviewed in a suitable room by a specially trained person, to avoid contact "
                    "with the offender and to have the proceedings kept confidential.",
                    "The search system for missing children announced in 2011 is in operation: the police can alert the "
                    "public through the media and mobile operators within hours of a report.",
                ),
                "references": [ref("Act on victims of crime", "Act No. 45/2013 Coll.", "2013-01-30")],
                "agencies": "Ministry of Justice; Police of the Czech Republic; Ministry of Labour and Social Affairs.",
            },
        },
        "general": {},
    },
    "JPN": {
        "by_focal_point": {
            "SD-18": {
                "status": "fully",
                "measures": "Japan concluded the United Nations Convention against Transnational Organized Crime in 2017, after "
                            "amending the Act on Punishment of Organized Crimes to make the planning of serious offences by "
                            "organized criminal groups an offence.",
                "references": [ref("Act on Punishment of Organized Crimes and Control of Crime Proceeds", "Act No. 136 of 1999, as amended by Act No. 67 of 2017", "2017-06-21")],
            },
            "SD-51": {
                "status": "partially",
                "measures": text(
                    "Since 2016, courts may suspend part of a prison sentence, so that the rest is served under probation "
                    "supervision in the community, with treatment programmes for drug users.",
                    "The 2022 amendment to the Penal Code replaced imprisonment with and without work by a single custodial "
                    "sentence that lets prisons set each person's work, education and guidance for rehabilitation; it came "
                    "into force in June 2025.",
                ),
                "references": [
                    ref("Act for Partial Amendment of the Penal Code (partial suspension of execution of sentence)", "Act No. 49 of 2013", "2013-06-19"),
                    ref("Act for Partial Amendment of the Penal Code (single custodial sentence)", "Act No. 67 of 2022", "2022-06-17"),
                ],
                "challenges": ["capacity"],
                "planned_action": "Evaluate the single custodial sentence three years after its entry into force.",
                "can_offer_expertise": "yes",
            },
        },
        "general": {
            "next_congress": [
                "A workshop on the rehabilitation and reintegration of offenders with the participation of communities, "
                "following up the Kyoto Declaration.",
            ],
        },
    },
    "PRT": {
        "by_focal_point": {
            "SD-2": {
                "status": "fully",
                "measures": "The Law on criminal policy sets, every two years, the crimes whose prevention, investigation and "
                            "prosecution have priority, after consulting the Public Prosecution Service and the police.",
                "references": [ref("Framework Law on Criminal Policy", "Law No. 17/2006", "2006-05-23")],
            },
            "SD-17": {
                "status": "fully",
                "measures": text(
                    "The National Anti-Corruption Strategy 2020-2024 set priorities for prevention, detection and "
                    "repression. The National Anti-Corruption Mechanism, an independent authority, was created in 2021 to "
                    "carry it out: it monitors the corruption risk prevention plans that public and private entities must "
                    "now adopt.",
                    "The asset recovery office created in 2011 identifies and manages the proceeds of corruption.",
                ),
                "references": [
                    ref("National Anti-Corruption Strategy 2020-2024", "Council of Ministers Resolution No. 37/2021", "2021-04-06"),
                    ref("Decree-Law creating the National Anti-Corruption Mechanism and the general regime for the prevention of corruption", "Decree-Law No. 109-E/2021", "2021-12-09"),
                ],
                "agencies": "Ministry of Justice; National Anti-Corruption Mechanism; Public Prosecution Service; Criminal Police.",
                "can_offer_expertise": "yes",
            },
            "SD-24": {
                "status": "fully",
                "measures": "The Asset Recovery Office of the Criminal Police, created by Law No. 45/2011, identifies and traces "
                            "criminal assets at home and abroad; the Asset Management Office administers seized property so "
                            "that its value is kept until the court decides.",
                "references": [ref("Law No. 45/2011 creating the Asset Recovery Office", "Law No. 45/2011", "2011-06-24")],
            },
            "SD-36": {
                "status": "fully",
                "measures": "Portugal's fifth national action plan against trafficking in human beings follows the four earlier "
                            "plans. Victims are identified through a national referral system, and shelters for women, men and "
                            "children are funded by the State and run with civil society.",
                "references": [ref("V National Action Plan for the Prevention and Combat of Trafficking in Human Beings (2023-2026)", "", "2023-01-01")],
            },
            "SD-51": {
                "status": "fully",
                "measures": "Electronic monitoring is used as an alternative to pretrial detention and to prison sentences, and "
                            "for the enforcement of restraining orders in domestic violence cases.",
                "references": [ref("Law No. 33/2010 on the technical means of remote control (electronic monitoring)", "Law No. 33/2010", "2010-09-02")],
            },
        },
        "general": {
            "focal_point_name": "Ana Pereira",
            "focal_point_institution": "Directorate-General for Justice Policy, Ministry of Justice of Portugal",
            "focal_point_email": "ana.pereira@dgpj.example.org",
            "tools_training": [
                "Tools and training on the management of seized and confiscated assets.",
                "Tools and training on the return of assets between States under chapter V of the Convention against "
                "Corruption.",
            ],
        },
    },
}
