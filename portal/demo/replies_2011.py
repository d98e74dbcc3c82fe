"""Demonstration replies to the 2011 cycle, after what States reported in E/CN.15/2011/15, chapter III.

The wording is ours; the substance follows the report. Each reply gives rich answers for the items
the State wrote about; every other item addressed to States is answered "no information", as the
States of 2011 reported only on the matters they chose. Answers are in the third person, because
the compiled report quotes them.
"""

from __future__ import annotations


def text(*paragraphs: str) -> str:
    """Join paragraphs with a blank line, as a person typing several paragraphs does."""
    return "\n\n".join(paragraphs)


def ref(title: str, citation: str = "", date: str = "", link: str = "") -> dict[str, str]:
    return {"title": title, "citation": citation, "date": date, "link": link}


# When each State's reply arrived, was submitted and was accepted (the 2011 cycle ran from
# 21 December 2010 to 30 January 2011).
TIMELINE_2011 = {
    "ARG": ("2011-01-10", "2011-01-26", "2011-01-31"),
    "CAN": ("2010-12-28", "2011-01-21", "2011-01-28"),
    "CZE": ("2011-01-04", "2011-01-24", "2011-01-31"),
    "ECU": ("2011-01-05", "2011-01-27", "2011-02-01"),
    "JPN": ("2011-01-06", "2011-01-19", "2011-01-25"),
    "JOR": ("2011-01-12", "2011-01-28", "2011-02-01"),
    "MLT": ("2011-01-17", "2011-01-29", "2011-02-01"),
    "PRT": ("2011-01-03", "2011-01-25", "2011-01-31"),
}

REPLIES_2011: dict[str, dict] = {
    "CAN": {
        "contact": ("Claire Tremblay", "Senior Counsel, Criminal Law Policy Section", "Department of Justice Canada",
                    "claire.tremblay@justice.example.org", "+1 613 555 0142"),
        "items": {
            "SD-5": {
                "status": "partially",
                "measures": text(
                    "Canada reported that a national employment strategy for women offenders was being finalized by the "
                    "Correctional Service of Canada, to prepare women under federal sentence for work after their release.",
                    "A revised community strategy for women offenders, with its action plan, was being implemented to "
                    "improve transition services in three areas: supervision, accommodation and intervention in the community.",
                ),
                "references": [
                    ref("Corrections and Conditional Release Act", "S.C. 1992, c. 20", "1992-06-18",
                        "https://laws-lois.justice.gc.ca/eng/acts/C-44.6/"),
                    ref("Community Strategy for Women Offenders (revised)", "Correctional Service of Canada", "2010-06-01"),
                ],
                "agencies": "Correctional Service of Canada (lead); Public Safety Canada; Status of Women Canada.",
                "challenges": ["coordination", "resources"],
                "planned_action": "The employment strategy for women offenders is expected to be approved in 2011 and evaluated after two years.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-9": {
                "status": "fully",
                "measures": text(
                    "Canada noted that since 2009 it had provided nearly Can$ 6.5 million to projects delivered by UNODC.",
                    "The projects funded include anti-smuggling training manuals, a model law on trafficking in persons, "
                    "anti-trafficking manuals for criminal justice practitioners and a rapid needs assessment toolkit on "
                    "trafficking in persons.",
                ),
                "agencies": "Foreign Affairs and International Trade Canada (Anti-Crime Capacity Building Program); Department of Justice Canada.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-15": {
                "status": "fully",
                "measures": text(
                    "Canada has taken a leading role in gathering and analysing information to support evidence-based "
                    "responses to economic fraud and identity-related crime, at home and internationally. It has supported "
                    "the efforts of UNODC to promote common approaches to criminalization and to develop technical "
                    "assistance materials on identity-related crime, together with other interested Member States and "
                    "the private sector.",
                    "Canada has also taken part in other international work on the subject: the Roma/Lyon Group of the "
                    "Group of Eight, the International Civil Aviation Organization (passports) and the United Nations "
                    "Commission on International Trade Law (digital signatures and commercial identity).",
                    "At the domestic level, new criminal offences of identity theft, identity fraud and trafficking in "
                    "identity information came into force, with related legislative measures and other initiatives.",
                ),
                "references": [
                    ref("An Act to amend the Criminal Code (identity theft and related misconduct)", "S.C. 2009, c. 28",
                        "2009-10-22"),
                    ref("Criminal Code", "R.S.C. 1985, c. C-46, ss. 402.1-402.2 and 403", "1985-12-12",
                        "https://laws-lois.justice.gc.ca/eng/acts/C-46/"),
                ],
                "examples": "The International Centre for Criminal Law Reform and Criminal Justice Policy is developing a "
                            "manual entitled \u201cResponding to victims of identity-related crime: a manual for law enforcement "
                            "agents, prosecutors and policymakers\u201d.",
                "agencies": "Department of Justice Canada (lead); Royal Canadian Mounted Police; Public Safety Canada; Competition Bureau.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-39": {"comment": text(
                "Canada is committed to addressing cybercrime. Several legislative initiatives on the subject are before "
                "Parliament.",
                "In October 2010 Canada launched a national cybersecurity strategy, to protect and build confidence in "
                "the use of cyberspace.",
            )},
        },
        "general": {
            "tools_training": text(
                "Canada sees the need for tools and training, to be developed by UNODC with the institutes of the "
                "programme network, on: the Standard Minimum Rules for the Treatment of Prisoners; the updated Model "
                "Strategies and Practical Measures on the Elimination of Violence against Women, with an emphasis on "
                "prevention; preventing violence against children; gender equality in crime prevention; the prevention "
                "of trafficking in persons; the governance of crime prevention at the national level; urban crime "
                "prevention and community safety in large cities; minority and migrant populations; conflict mediation "
                "in urban spaces; public-private crime prevention partnerships; victims of sexual exploitation on the "
                "Internet; child sex tourism; cybercrime, including model laws; and the protection of victims of "
                "identity-related crime and economic fraud.",
            ),
            "follow_up_proposals": text(
                "Canada prefers that the Commission follow up the Declaration by adopting individual resolutions on "
                "specific issues, as the Intergovernmental Group of Experts recommended in Bangkok. States would then "
                "have more time to consider how the Commission should set its priorities, taking into account its other "
                "work and the resources of UNODC.",
                "Work on reviewing the standards and norms, and on new standards for emerging crimes, should be "
                "evidence-based and take account of the existing instruments.",
            ),
            "congress_efficiency": "Canada recommends a focused agenda with precise, well-delineated issues, and fewer "
                                   "agenda items and workshops, so that participants can attend all meetings.",
            "institutions_consulted": "Department of Justice Canada; Public Safety Canada; Correctional Service of Canada; "
                                      "Royal Canadian Mounted Police; Foreign Affairs and International Trade Canada.",
        },
    },
    "CZE": {
        "contact": ("Jan Novotn\u00fd", "Director, International Cooperation Department", "Ministry of Justice of the Czech Republic",
                    "jan.novotny@justice.example.org", "+420 221 997 111"),
        "items": {
            "SD-18": {
                "status": "planned",
                "measures": text(
                    "The Czech Republic has signed the United Nations Convention against Transnational Organized Crime and "
                    "two of its Protocols, but has not yet ratified them, as it cannot yet fulfil all the obligations they "
                    "contain.",
                    "The main shortcoming is the absence of legislation on the liability of legal persons, which is being "
                    "drafted.",
                ),
                "references": [ref("Draft act on the criminal liability of legal persons", "Ministry of Justice", "2010-11-15")],
                "challenges": ["legal_system"],
                "planned_action": "Submit the act on the liability of legal persons to Parliament in 2011, then ratify the Convention and its Protocols.",
                "assistance_needed": "no",
            },
            "SD-17": {
                "status": "planned",
                "measures": "The Czech Republic has signed the United Nations Convention against Corruption. The fight against "
                            "corruption is a national priority: a Government strategy for the fight against corruption for "
                            "2011-2012 was approved at the beginning of 2011.",
                "references": [ref("Government Strategy for the Fight against Corruption for 2011 and 2012",
                                   "Government resolution No. 1", "2011-01-05")],
                "challenges": ["legal_system"],
                "assistance_needed": "no",
            },
            "SD-28": {
                "status": "partially",
                "measures": text(
                    "The Czech Republic has legislation protecting child victims and witnesses and the personal data of "
                    "victims of crime, and specific legislation on criminal proceedings involving young offenders.",
                    "A national coordination system for the search for missing children is being developed. It will "
                    "quickly trace a lost or abducted child, give psychological support to the family and spread "
                    "information about the child rapidly through the media and mobile telephone operators.",
                    "The system of care for vulnerable children is being reformed.",
                ),
                "references": [
                    ref("Act on the liability of minors for unlawful acts and on juvenile justice", "Act No. 218/2003 Coll.", "2003-06-25"),
                    ref("Criminal Code", "Act No. 40/2009 Coll.", "2009-01-08"),
                ],
                "agencies": "Ministry of the Interior; Police of the Czech Republic; Ministry of Labour and Social Affairs; Ministry of Justice.",
                "challenges": ["coordination", "resources"],
                "planned_action": "Bring the search system for missing children into operation in 2011-2012.",
                "assistance_needed": "no",
            },
            "SD-36": {
                "status": "fully",
                "measures": text(
                    "A four-year national strategy for the fight against trafficking in human beings has been developed and "
                    "implemented.",
                    "The Ministry of the Interior took part in developing a transnational referral mechanism for victims of "
                    "trafficking between countries of origin and destination, coordinated by the International Centre for "
                    "Migration Policy Development. The project links national coordination mechanisms, introduces uniform "
                    "standards for services to victims and improves cooperation in their return and reintegration.",
                    "Under legislation introduced in 2006, third-country nationals who are victims of trafficking are "
                    "entitled to a special long-term residence status.",
                ),
                "references": [ref("National Strategy for the Fight against Trafficking in Human Beings 2008-2011",
                                   "Government resolution No. 1445", "2008-11-10")],
                "agencies": "Ministry of the Interior (lead); Police of the Czech Republic; non-governmental organizations.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-16": {
                "status": "fully",
                "measures": "In international cooperation in criminal matters, the Czech Republic has fully implemented the "
                            "relevant Council of Europe conventions.",
            },
        },
        "general": {
            "tools_training": text(
                "Children, youth and crime: violence against children in all settings, international standards on youth "
                "crime prevention and on children deprived of liberty or in institutional care, and comparable data on "
                "children in the criminal justice system.",
                "Cybercrime: a typology of online child pornography and awareness campaigns with the police and the "
                "private sector. The Council of Europe Convention on Cybercrime is open to all States, so no United Nations "
                "convention on cybercrime needs to be negotiated.",
                "Money-laundering: tools, including information technology, for international cooperation, and joint "
                "investigation teams.",
            ),
        },
    },
    "JPN": {
        "contact": ("Keiko Sato", "Deputy Director, International Affairs Division", "Ministry of Justice of Japan",
                    "keiko.sato@moj.example.org", "+81 3 3580 4111"),
        "items": {
            "SD-36": {
                "status": "fully",
                "measures": text(
                    "To prevent trafficking in persons and protect its victims, Japan revised the Immigration Control and "
                    "Refugee Recognition Act in 2005. Victims of trafficking are no longer refused landing or deported in "
                    "certain cases, and the Act expressly allows special permission to land and to stay for such victims.",
                    "The Penal Code was amended in the same year to create the offence of buying or selling human beings.",
                ),
                "references": [
                    ref("Immigration Control and Refugee Recognition Act", "Cabinet Order No. 319 of 1951, as amended by Act No. 66 of 2005", "2005-06-22"),
                    ref("Penal Code, article 226-2 (buying or selling of human beings)", "Act No. 45 of 1907, as amended by Act No. 66 of 2005", "2005-06-22"),
                    ref("Action Plan of Measures to Combat Trafficking in Persons", "Ministerial Meeting Concerning Measures against Crime", "2009-12-22"),
                ],
                "agencies": "Ministry of Justice (Immigration Bureau); National Police Agency; Ministry of Foreign Affairs; Ministry of Health, Labour and Welfare.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-37": {
                "status": "fully",
                "measures": "The same Act punishes a person who, to help another enter the country illegally, obtains a travel "
                            "document by false statements or other dishonest means, or holds, offers or receives a fraudulent "
                            "travel document. Foreign nationals convicted of these offences are deported and refused landing.",
                "references": [ref("Immigration Control and Refugee Recognition Act, articles 74-6-2 and 74-6-3",
                                   "Cabinet Order No. 319 of 1951", "2005-06-22")],
                "assistance_needed": "no",
            },
            "SD-53": {"comment": "The Asia and Far East Institute for the Prevention of Crime and the Treatment of Offenders "
                                 "(UNAFEI) disseminates the substance of the Salvador Declaration and the recommendations of "
                                 "the Twelfth Congress in its training courses and seminars."},
        },
        "general": {
            "institutions_consulted": "Ministry of Justice; National Police Agency; Ministry of Foreign Affairs; UNAFEI.",
        },
    },
    "PRT": {
        "contact": ("Ana Pereira", "Head of Division, International Relations", "Ministry of Justice of Portugal (Directorate-General for Justice Policy)",
                    "ana.pereira@dgpj.example.org", "+351 21 792 4000"),
        "items": {
            "SD-3": {
                "status": "fully",
                "measures": "Portugal applies the United Nations standards and norms in crime prevention and criminal justice "
                            "as guiding principles in designing and implementing its national crime prevention and criminal "
                            "justice policies, procedures and programmes.",
                "assistance_needed": "no",
            },
            "SD-17": {
                "status": "fully",
                "measures": text(
                    "The Government of Portugal treats the prevention and repression of every type of corruption as a top "
                    "priority. After the Twelfth Congress, Parliament approved a set of laws on corruption and trading in "
                    "influence: amendments to the Penal Code on the offences, the statute of limitations and higher "
                    "penalties; a derogation from banking secrecy; amendments to the law on the asset declarations of "
                    "public officials; and the protection of witnesses in criminal proceedings.",
                    "A reference framework for codes of ethics and conduct in the public sector has been approved. In "
                    "international business transactions, Portugal has implemented the recommendations of the phase 2 "
                    "evaluation report of the Organisation for Economic Co-operation and Development.",
                    "Portugal is one of the founding States of the International Anti-Corruption Academy.",
                ),
                "references": [
                    ref("Law No. 32/2010 amending the Penal Code (corruption offences)", "Law No. 32/2010", "2010-09-02"),
                    ref("Law No. 36/2010 on the derogation of banking secrecy", "Law No. 36/2010", "2010-09-02"),
                    ref("Law No. 38/2010 on the asset declarations of holders of public office", "Law No. 38/2010", "2010-09-02"),
                ],
                "examples": "A \u201ctheme week\u201d on corruption was held, and judges and public prosecutors were trained in the "
                            "investigation of serious economic and financial crime, asset recovery and confiscation.",
                "agencies": "Ministry of Justice; Public Prosecution Service; Criminal Police (Pol\u00edcia Judici\u00e1ria); Council for the Prevention of Corruption.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-24": {
                "status": "planned",
                "measures": "A draft law prepared in 2010 creates a national asset recovery office to identify and manage assets "
                            "derived from crime. Its approval is expected in the first half of 2011.",
                "challenges": ["priorities"],
                "planned_action": "Approve the law creating the asset recovery office in the first half of 2011.",
                "assistance_needed": "no",
            },
            "SD-19": {
                "status": "partially",
                "measures": "The ratification of the remaining United Nations instruments against terrorism is under way. The "
                            "law on terrorism was amended to comply with the Council of Europe Convention on the Prevention of "
                            "Terrorism and European Union law, making public provocation to commit a terrorist offence and "
                            "training for terrorism offences.",
                "references": [ref("Law No. 52/2003 on combating terrorism, as amended", "Law No. 52/2003", "2003-08-22")],
                "challenges": ["legal_system"],
                "planned_action": "Complete the ratification of the remaining instruments.",
                "assistance_needed": "no",
            },
            "SD-12": {
                "status": "fully",
                "measures": "Portugal has joined international efforts to protect the cultural heritage of communities. Its law "
                            "on cultural heritage is in force, and exchanges of information with the law enforcement "
                            "authorities of other countries, such as the Russian Federation and South Africa, have improved.",
                "references": [ref("Law No. 107/2001 establishing the bases of the policy and regime for the protection of cultural heritage",
                                   "Law No. 107/2001", "2001-09-08")],
                "assistance_needed": "no",
            },
            "SD-36": {
                "status": "fully",
                "measures": "The second national plan against trafficking in persons was approved in 2010, in line with the "
                            "Protocols to the Convention against Transnational Organized Crime. It takes a victim-centred "
                            "approach, fully respecting the human rights of victims, and promotes cooperation with civil "
                            "society and non-governmental organizations.",
                "references": [ref("II National Plan against Trafficking in Human Beings (2011-2013)",
                                   "Council of Ministers Resolution No. 94/2010", "2010-11-29")],
                "assistance_needed": "no",
            },
            "SD-25": {
                "status": "fully",
                "measures": text(
                    "To facilitate ratification, the Ministry of Justice translated the United Nations Convention against "
                    "Corruption and provided it to Portuguese-speaking countries, together with the support their "
                    "authorities requested. The Legislative Guide for the Implementation of the Convention will be "
                    "translated into Portuguese in 2011 and circulated in Portugal and in Portuguese-speaking countries.",
                    "Portugal is ready to provide guidance and technical assistance to Portuguese-speaking countries and "
                    "intends to reactivate, with UNODC, the memorandum of understanding between its Ministry of Justice and "
                    "UNODC.",
                ),
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
        },
        "general": {
            "tools_training": "Tools and training manuals on asset recovery and return, to identify the difficulties met and "
                              "to facilitate cooperation mechanisms between States under chapter V of the United Nations "
                              "Convention against Corruption.",
        },
    },
    "ARG": {
        "contact": ("Mart\u00edn Gonz\u00e1lez", "Director of International Affairs", "Ministry of Justice, Security and Human Rights of Argentina",
                    "martin.gonzalez@jus.example.org", "+54 11 5300 4000"),
        "items": {},
        "general": {
            "congress_efficiency": text(
                "Argentina suggests that the Commission agree on the theme, agenda items and workshop topics of each "
                "congress early, and that the regional preparatory meetings use discussion guides circulated well in "
                "advance.",
                "A shorter draft declaration, negotiated in Vienna before the congress, would leave the congress itself "
                "more time for substantive discussion.",
            ),
        },
    },
    "ECU": {
        "contact": ("Mar\u00eda Fernanda Ruiz", "Under-Secretary for Human Rights", "Ministry of Justice and Human Rights of Ecuador",
                    "mf.ruiz@minjusticia.example.org", "+593 2 395 5840"),
        "items": {
            "SD-44": {
                "status": "partially",
                "measures": "The Ministry of Justice and Human Rights trains officials who uphold the rule of law and prison "
                            "officers in human rights, with modules for judges, prosecutors, justice officials and staff of "
                            "social rehabilitation. A training manual for staff of centres for adolescents in conflict with "
                            "the law has been written.",
                "challenges": ["resources", "capacity"],
                "assistance_needed": "yes",
                "assistance_kinds": ["training", "good_practices"],
                "assistance_priority": "medium",
            },
            "SD-6": {
                "status": "partially",
                "measures": "A technical ministry is being established to give victims of violence free, swift and immediate "
                            "access to justice, to set investigation procedures that avoid revictimization and to set "
                            "penalties. With the Latin American Faculty of Social Sciences, the Ministry offers a degree in "
                            "human rights and gender for justice officials.",
                "challenges": ["resources"],
                "assistance_needed": "no",
            },
            "SD-36": {
                "status": "partially",
                "measures": "Trafficking in persons and the smuggling of migrants are criminal offences in Ecuador, and training "
                            "programmes have been organized. The national plan on trafficking in persons is being updated.",
                "challenges": ["coordination"],
                "planned_action": "Adopt the updated national plan on trafficking in persons.",
                "assistance_needed": "no",
            },
            "SD-12": {
                "status": "fully",
                "measures": "Trafficking in cultural property is a criminal offence. An inter-institutional national commission "
                            "draws up and registers an inventory of national cultural property, promotes training and "
                            "strengthens cooperation for the return of such property.",
                "assistance_needed": "no",
            },
        },
        "general": {},
    },
    "JOR": {
        "contact": ("Omar Haddad", "Head, International Cooperation Unit", "Anti-Narcotics Department, Public Security Directorate of Jordan",
                    "o.haddad@psd.example.org", "+962 6 566 2111"),
        "items": {
            "SD-47": {
                "status": "fully",
                "measures": text(
                    "Jordan implements the international drug control instruments and promotes regional cooperation through "
                    "exchanges of information, direct collaboration with the drug control commissions of the Arab region "
                    "and operational cooperation with neighbouring countries.",
                    "A national strategy against drugs has been launched with civil society and the media, among other "
                    "things to raise awareness of the harm that drugs do to society.",
                ),
                "references": [ref("Narcotic Drugs and Psychotropic Substances Law", "Law No. 11 of 1988", "1988-04-16")],
                "agencies": "Anti-Narcotics Department (lead); Ministry of Health; Ministry of Education; Jordan Customs.",
                "assistance_needed": "no",
            },
        },
        "general": {},
    },
    "MLT": {
        "contact": ("Joseph Camilleri", "Policy Officer", "Ministry for Justice and Home Affairs of Malta",
                    "joseph.camilleri@gov.example.org", "+356 2295 7000"),
        "items": {
            "SD-53": {"comment": "While recognizing the important initiatives of the United Nations to implement the Salvador "
                                 "Declaration, Malta will continue its own efforts in crime prevention and criminal justice to "
                                 "support the objectives of the Declaration and of the report of the Twelfth Congress."},
        },
        "general": {},
    },
}
