"""Demonstration replies to the 2011 cycle, after what States reported in E/CN.15/2011/15, chapters III to VI.

The wording is ours; the substance follows the report. Each reply gives rich answers for the items
the State wrote about; every other item addressed to States is answered "no information", as the
States of 2011 reported only on the matters they chose.

The answers read as national focal points type them, not as the report prints them: in the first
person ("We have adopted ...", "Our Government ...") or in the third person and the present
("Canada has ...", "The Ministry of the Interior is responsible for ..."), in several paragraphs,
some with a list under a lead-in ending in ":" or a heading line, with titles in quotation marks,
abbreviations, figures and dates. The styles differ from State to State, as real replies do. The
compiled report turns them into reported speech; tests/reports/corpus/replies_2011.yaml gives the
paragraphs a careful editor would print for each of them.

The four questions that ask for proposals (``tools_training``, ``follow_up_proposals``,
``congress_efficiency``, ``next_congress``) are answered as lists, one proposal per entry.
"""

from __future__ import annotations


def text(*paragraphs: str) -> str:
    """Join paragraphs with a blank line, as a person typing several paragraphs does."""
    return "\n\n".join(paragraphs)


def lines(*rows: str) -> str:
    """Join lines with a single line break: a list under its lead-in, or a heading over its paragraph."""
    return "\n".join(rows)


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
    # Canada writes in the first person plural, with lists and a heading.
    "CAN": {
        "contact": ("Claire Tremblay", "Senior Counsel, Criminal Law Policy Section", "Department of Justice Canada",
                    "claire.tremblay@justice.example.org", "+1 613 555 0142"),
        "items": {
            "SD-5": {
                "status": "partially",
                "measures": text(
                    "The Correctional Service of Canada (CSC) is finalizing a national employment strategy for women "
                    "offenders, to prepare women under federal sentence for work after their release.",
                    lines(
                        "We are implementing a revised community strategy for women offenders, with an action plan, to "
                        "improve transition services in three areas:",
                        "- supervision;",
                        "- accommodation; and",
                        "- intervention in the community.",
                    ),
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
                    lines(
                        "Since 2009, we have provided nearly Can$ 6.5 million to projects delivered by UNODC, including:",
                        "1. anti-smuggling training manuals;",
                        "2. a model law on trafficking in persons;",
                        "3. anti-trafficking manuals for criminal justice practitioners;",
                        "4. a rapid needs assessment toolkit on trafficking in persons.",
                    ),
                    "The funding comes from the Anti-Crime Capacity Building Program of Foreign Affairs and International "
                    "Trade Canada.",
                ),
                "agencies": "Foreign Affairs and International Trade Canada (Anti-Crime Capacity Building Program); Department of Justice Canada.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-15": {
                "status": "fully",
                "measures": text(
                    "Canada underlines that it has taken a leading role in gathering and analysing information to promote "
                    "and support evidence-based responses to economic fraud and identity-related crime, and in developing "
                    "such responses at the domestic and international levels. We have actively supported the efforts of "
                    "UNODC to promote common approaches to criminalization and to develop technical assistance materials "
                    "on identity-related crime, in cooperation with other interested Member States and the private sector.",
                    lines(
                        "We have also participated in other international processes on the issue:",
                        "\u2022 the work of the Roma/Lyon Group of the Group of Eight;",
                        "\u2022 the International Civil Aviation Organization (passports);",
                        "\u2022 the United Nations Commission on International Trade Law (digital signatures and commercial "
                        "identity).",
                    ),
                    lines(
                        "Domestic measures",
                        "New criminal offences of identity theft, identity fraud and trafficking in identity information came "
                        "into force in January 2010, together with other legislative measures and initiatives against "
                        "economic fraud.",
                    ),
                ),
                "references": [
                    ref("An Act to amend the Criminal Code (identity theft and related misconduct)", "S.C. 2009, c. 28",
                        "2009-10-22"),
                    ref("Criminal Code", "R.S.C. 1985, c. C-46, ss. 402.1-402.2 and 403", "1985-12-12",
                        "https://laws-lois.justice.gc.ca/eng/acts/C-46/"),
                ],
                "examples": "The International Centre for Criminal Law Reform and Criminal Justice Policy (Vancouver) is "
                            "developing a manual entitled \u201cResponding to victims of identity-related crime: a manual for "
                            "law enforcement agents, prosecutors and policymakers\u201d.",
                "agencies": "Department of Justice Canada (lead); Royal Canadian Mounted Police; Public Safety Canada; Competition Bureau.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-39": {"comment": text(
                "Canada is committed to addressing cybercrime. Several legislative initiatives on cybercrime are currently "
                "before our Parliament.",
                "In October 2010, we launched \u201cCanada\u2019s Cyber Security Strategy\u201d, to protect and build "
                "confidence in the use of cyberspace.",
            )},
        },
        "general": {
            "tools_training": [
                "Development of tools and training relating to the United Nations Standard Minimum Rules for the Treatment "
                "of Prisoners, bearing in mind the recommendations that will be made by the open-ended intergovernmental "
                "expert group to be convened between the twentieth and twenty-first sessions of the Commission",
                "Development of good practices, tools and training materials to assist Member States in effectively "
                "implementing the updated Model Strategies and Practical Measures on the Elimination of Violence against "
                "Women in the Field of Crime Prevention and Criminal Justice, with a particular emphasis on prevention "
                "approaches, as conceptualized in the Guidelines for the Prevention of Crime. This will include a focus on "
                "the prevention of violence against women and girls in public as well as private settings. Tools in this "
                "area can include an annotated resource manual on the updated Model Strategies, with examples of "
                "promising practices; a guide for legislators and a model action plan for policymakers; web-based "
                "training modules for each chapter of the updated Model Strategies; and a set of indicators for the "
                "design and evaluation of reform programmes on the elimination of violence against women.",
                "Development of relevant manuals applicable to all children and of manuals to support approaches to "
                "preventing violence against children, wherever it occurs",
                "Development of good practices, tools and training on ways to ensure gender equality in crime prevention "
                "programmes and strategies",
                "Development of a range of tools and promising practices on the prevention of trafficking in persons",
                "Development of a range of tools and promising practices that provide models for the good governance of "
                "crime prevention at the national level, including models for shared accountability on complex issues "
                "that are the responsibility of more than one department",
                "In recognition of the growth in understanding and experience in this area, development of a range of "
                "tools and training on urban crime prevention strategies and on the management of community safety across "
                "urban jurisdictions and mega-cities",
                "Preparation of tools and training in relation to specific minority and migrant populations, such as "
                "ethnic and cultural minorities, indigenous populations and migrant and immigrant populations. This can "
                "include strategies and practices to reduce or prevent racism and discrimination and to promote "
                "integration and community cohesion.",
                "Elaboration of conflict mediation techniques and strategies in urban spaces",
                "Development of tools and training relating to the strengthening of public-private crime prevention "
                "partnerships",
                "Training and elaboration of tools on responses for victims who have been sexually exploited on the "
                "Internet",
                "Training and elaboration of tools to support the efforts of Governments and private industries, such as "
                "the travel industry, in destination countries to identify and combat child sex tourism",
                "Development of technical assistance materials on cybercrime issues and challenges, including model laws, "
                "training and examples of best practices for law enforcement, and best practices for mechanisms that "
                "facilitate international cooperation in responding to cybercrime",
                "Development of a manual on an international and comparative approach to the protection of victims in "
                "the fields of identity-related crime and economic fraud",
            ],
            "follow_up_proposals": [
                "In general, we favour a follow-up to the Salvador Declaration by the Commission that includes the "
                "adoption of individual resolutions on specific issues, as the Intergovernmental Group of Experts "
                "recommended at its meeting in Bangkok and in accordance with the normal course of the Commission\u2019s "
                "business. This allows a more organized and efficient way of proceeding, as it gives Member States more "
                "time to reflect on how the Commission should prioritize what the Declaration calls for. Such a process "
                "also makes it possible to take into account the other work of the Commission and the human and "
                "financial resources of UNODC.",
                "We welcome the adoption by the General Assembly of resolution 65/230, which is in line with the tasks "
                "entrusted to the crime congresses, including making suggestions for future work within the crime "
                "programme, identifying emerging issues of concern to the world community and providing a political "
                "framework to guide the work of the Commission in the future.",
                "We support further action on the review of existing United Nations standards and norms in crime "
                "prevention and criminal justice (para. 4 of the Salvador Declaration) and on the development of new "
                "standards and norms in relation to emerging crimes. Such work should be evidence-based and should "
                "consider the existing international instruments, such as the United Nations Convention against "
                "Transnational Organized Crime, where appropriate.",
                "With regard to technical assistance to strengthen national capacity to deal with cybercrime (para. 41 of "
                "the Salvador Declaration), the comprehensive study of the problem of cybercrime will give a valid global "
                "picture of the problems of cybercrime and of the needs of Member States in the various regions. While "
                "the study will guide UNODC as to which States need technical assistance and in which areas, the "
                "provision of such assistance should not depend on the study being finalized, since pressing needs must "
                "be addressed more rapidly.",
                "We welcome the active role of UNODC in the area of the rule of law (paras. 43 and 44 of the Salvador "
                "Declaration) and take note of the need for horizontal coordination with other United Nations entities. "
                "We therefore welcome the establishment of the Rule of Law Coordination Unit and hope that other Member "
                "States will continue to support it.",
                "We recall our strong support for the establishment of a mechanism to review the implementation of the "
                "United Nations Convention against Transnational Organized Crime and the Protocols thereto (para. 18 of "
                "the Salvador Declaration). The mechanism should be transparent, efficient, non-intrusive, inclusive and "
                "impartial, should not produce any form of ranking, should provide opportunities to share views, ideas, "
                "good practices and challenges, and should complement existing international and regional review "
                "mechanisms, so that the Conference of the Parties may cooperate with them and avoid duplication.",
            ],
            "congress_efficiency": [
                "We consider that appropriate preparations will prevent criticism of the practice of blending together, "
                "in the name of consensus-building, issues that do not really fit together, or of discussing similar "
                "issues under a single agenda item and in a single workshop.",
                "Too many agenda items and workshops make it difficult for participants to attend all the meetings held "
                "during a congress, including the ancillary meetings.",
                "We recommend that a more disciplined approach be followed in choosing precise and well-delineated "
                "issues, which will allow a more focused and dynamic discussion throughout the congress.",
            ],
            "next_congress": [
                "We believe that the Commission should follow the recommendation of the Intergovernmental Group of "
                "Experts and the proposed multi-year programme of work, and devote time at its twentieth session to the "
                "theme and a list of substantive agenda items and workshops for the Thirteenth Congress.",
            ],
            "institutions_consulted": "Department of Justice Canada; Public Safety Canada; Correctional Service of Canada; "
                                      "Royal Canadian Mounted Police; Foreign Affairs and International Trade Canada.",
        },
    },
    # The Czech Republic writes mostly in the third person, with lettered and starred lists.
    "CZE": {
        "contact": ("Jan Novotn\u00fd", "Director, International Cooperation Department", "Ministry of Justice of the Czech Republic",
                    "jan.novotny@justice.example.org", "+420 221 997 111"),
        "items": {
            "SD-16": {
                "status": "fully",
                "measures": "In the field of international cooperation in criminal matters, the Czech Republic has fully "
                            "implemented the relevant Council of Europe conventions.",
            },
            "SD-17": {
                "status": "planned",
                "measures": text(
                    "The Czech Republic has signed the United Nations Convention against Corruption but has not yet "
                    "ratified it.",
                    "The fight against corruption is one of our main national priorities. At the beginning of 2011, the "
                    "Government approved a new strategy for the fight against corruption for 2011-2012.",
                ),
                "references": [ref("Government Strategy for the Fight against Corruption for 2011 and 2012",
                                   "Government resolution No. 1", "2011-01-05")],
                "challenges": ["legal_system"],
                "assistance_needed": "no",
            },
            "SD-18": {
                "status": "planned",
                "measures": text(
                    "We have signed the United Nations Convention against Transnational Organized Crime and two of its "
                    "Protocols, but we have not ratified them yet, because we are not yet able to fulfil all the "
                    "obligations they contain.",
                    "The main shortcoming is the absence of legislation on the liability of legal persons. A bill is being "
                    "drafted by the Ministry of Justice and should be submitted to Parliament in 2011.",
                ),
                "references": [ref("Draft act on the criminal liability of legal persons", "Ministry of Justice", "2010-11-15")],
                "challenges": ["legal_system"],
                "planned_action": "Submit the act on the liability of legal persons to Parliament in 2011, then ratify the Convention and its Protocols.",
                "assistance_needed": "no",
            },
            "SD-28": {
                "status": "partially",
                "measures": text(
                    "Our legislation protects child victims and witnesses and the personal data of victims of crime. Act "
                    "No. 218/2003 Coll. lays down specific rules for criminal proceedings involving young offenders.",
                    lines(
                        "A national coordination system for the search for missing children is being developed. When it is "
                        "in operation, it will:",
                        "a) quickly trace a lost or abducted child;",
                        "b) give psychological support to the child's family;",
                        "c) spread information on the child rapidly through the media and mobile telephone operators.",
                    ),
                    "The system of care for vulnerable children is also being reformed.",
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
                    lines(
                        "The Ministry of the Interior took part in the development of a transnational referral mechanism for "
                        "victims of trafficking between countries of origin and destination, a project coordinated by the "
                        "International Centre for Migration Policy Development (ICMPD). The project aims to:",
                        "* interlink national coordination mechanisms;",
                        "* introduce uniform standards for services provided to victims;",
                        "* improve international and bilateral cooperation in the return and reintegration of victims.",
                    ),
                    "Under legislation introduced in 2006, third-country nationals who are victims of trafficking are "
                    "entitled to a special long-term residence status in our country.",
                ),
                "references": [ref("National Strategy for the Fight against Trafficking in Human Beings 2008-2011",
                                   "Government resolution No. 1445", "2008-11-10")],
                "agencies": "Ministry of the Interior (lead); Police of the Czech Republic; non-governmental organizations.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
        },
        "general": {
            "tools_training": [
                "Criminal justice reform: the development and adoption of additional crime prevention and criminal "
                "justice policies, and the review, revision and updating of the United Nations standards and norms in "
                "crime prevention and criminal justice",
                "Children, youth and crime: unacceptable forms of violence against children in all spheres (family, "
                "institutions, school, etc.), international standards and norms on youth crime prevention, on the "
                "treatment of children deprived of liberty and on children in institutional care, and comparative data "
                "on children and youth involved in the criminal justice system",
                "An overview of good practices in reform programmes in this field and of solutions that use modern "
                "communication technologies with children and offenders to tackle rising crime rates, and best practices "
                "concerning the heightened vulnerability of children to blackmail, sexual abuse and exploitation",
                "Protection of children and youth from crime, in particular from violence, including children and youth "
                "who come from economically disadvantaged environments, and protection of child witnesses of domestic "
                "violence and of child offenders",
                "Cybercrime: new tools to combat its different forms, in particular with regard to new information "
                "technologies (Internet, Facebook, etc.), a typology of online child pornography, awareness-raising "
                "campaigns for Internet users involving the police and the private sector, and the promotion of "
                "international cooperation in that field",
                "We do not support the negotiation of a United Nations convention on cybercrime, since the Council of "
                "Europe Convention on Cybercrime is open to accession by States that are not members of the Council of "
                "Europe.",
                "International cooperation against corruption and money-laundering: the implementation of international "
                "instruments, the evaluation of existing standards for the prevention and elimination of "
                "money-laundering, the identification of obstacles to international cooperation in investigating "
                "money-laundering, joint investigation teams, tools (including information technology) that facilitate "
                "international cooperation, and efficient forms of technical assistance in adopting legislation against "
                "money-laundering",
                "Practical approaches to international cooperation in criminal matters: the use of multilateral United "
                "Nations instruments as a basis for extradition and mutual legal assistance, the dissemination of good "
                "practices, and joint investigation teams to fight serious crime",
                "The Czech Republic attaches priority to measures to suppress the smuggling of migrants and trafficking in "
                "persons at the international level and supports the strengthening of international cooperation and the "
                "exchange of information in this area.",
                "We have not supported the proposals that the United Nations initiate negotiations on a comprehensive "
                "convention on international cooperation in criminal matters, since the existing United Nations "
                "instruments fully meet that purpose.",
            ],
        },
    },
    # Japan writes formally, in the third person, with a numbered list.
    "JPN": {
        "contact": ("Keiko Sato", "Deputy Director, International Affairs Division", "Ministry of Justice of Japan",
                    "keiko.sato@moj.example.org", "+81 3 3580 4111"),
        "items": {
            "SD-36": {
                "status": "fully",
                "measures": text(
                    lines(
                        "With regard to the prevention of trafficking in persons and the protection of the victims, Japan "
                        "revised the Immigration Control and Refugee Recognition Act in 2005. The revised Act:",
                        "1) excludes victims of trafficking in persons from denial of landing and from deportation in "
                        "certain cases;",
                        "2) expressly allows special permission for landing and for stay for such victims.",
                    ),
                    "In the same year, the Penal Code was amended to establish the crime of buying or selling of human "
                    "beings (article 226-2).",
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
                "measures": text(
                    "The Immigration Control and Refugee Recognition Act punishes any person who, for the purpose of "
                    "facilitating another person's illegal entry, obtains a travel document by making a false statement or "
                    "by other dishonest means, or who holds, offers or receives a fraudulent travel document for the same "
                    "purpose.",
                    "Foreign nationals convicted of these offences are subject to deportation and to denial of landing.",
                ),
                "references": [ref("Immigration Control and Refugee Recognition Act, articles 74-6-2 and 74-6-3",
                                   "Cabinet Order No. 319 of 1951", "2005-06-22")],
                "assistance_needed": "no",
            },
            "SD-53": {"comment": "The Asia and Far East Institute for the Prevention of Crime and the Treatment of Offenders "
                                 "(UNAFEI), in Tokyo, disseminates the substance of the Salvador Declaration and the "
                                 "recommendations adopted by the Twelfth Congress through its international training "
                                 "courses and seminars."},
        },
        "general": {
            "institutions_consulted": "Ministry of Justice; National Police Agency; Ministry of Foreign Affairs; UNAFEI.",
        },
    },
    # Portugal mixes the third person and the first, with headings and a dashed list.
    "PRT": {
        "contact": ("Ana Pereira", "Head of Division, International Relations", "Ministry of Justice of Portugal (Directorate-General for Justice Policy)",
                    "ana.pereira@dgpj.example.org", "+351 21 792 4000"),
        "items": {
            "SD-3": {
                "status": "fully",
                "measures": "Portugal underlines that the United Nations standards and norms in crime prevention and "
                            "criminal justice are applied at the domestic level as guiding principles in the design and "
                            "implementation of national crime prevention and criminal justice policies, procedures and "
                            "programmes.",
                "assistance_needed": "no",
            },
            "SD-12": {
                "status": "fully",
                "measures": "Portugal has joined the efforts of the international community to protect the cultural "
                            "heritage of communities and to strengthen international cooperation in this field. Our law on "
                            "cultural heritage (Law No. 107/2001) is in force, and the exchange of information with the law "
                            "enforcement authorities of other countries, e.g. the Russian Federation and South Africa, has "
                            "improved.",
                "references": [ref("Law No. 107/2001 establishing the bases of the policy and regime for the protection of cultural heritage",
                                   "Law No. 107/2001", "2001-09-08")],
                "assistance_needed": "no",
            },
            "SD-17": {
                "status": "fully",
                "measures": text(
                    "The Government of Portugal treats the prevention and repression of all types of corruption as a top "
                    "priority.",
                    "Legislation",
                    lines(
                        "After the Twelfth Congress, Parliament approved the following laws on the prevention of corruption "
                        "and trading in influence:",
                        "- amendments to the Penal Code on the offences, the statute of limitations and the increase of "
                        "penalties (Law No. 32/2010);",
                        "- the derogation from banking secrecy (Law No. 36/2010);",
                        "- amendments to the law on the asset declarations of public officials (Law No. 38/2010);",
                        "- measures for the protection of witnesses in criminal proceedings.",
                    ),
                    "A reference framework for codes of ethics and conduct in the public sector has also been approved.",
                    lines(
                        "International business transactions",
                        "We have implemented the recommendations of the phase 2 evaluation report of the Organisation for "
                        "Economic Co-operation and Development (OECD) and organized awareness-raising activities.",
                    ),
                    "Portugal is one of the founding States of the International Anti-Corruption Academy (IACA).",
                ),
                "references": [
                    ref("Law No. 32/2010 amending the Penal Code (corruption offences)", "Law No. 32/2010", "2010-09-02"),
                    ref("Law No. 36/2010 on the derogation of banking secrecy", "Law No. 36/2010", "2010-09-02"),
                    ref("Law No. 38/2010 on the asset declarations of holders of public office", "Law No. 38/2010", "2010-09-02"),
                ],
                "examples": "A \u201ctheme week\u201d on corruption and related issues was held, and judges and public "
                            "prosecutors were trained in the investigation of serious economic and financial crime, asset "
                            "recovery and the confiscation of the proceeds of crime.",
                "agencies": "Ministry of Justice; Public Prosecution Service; Criminal Police (Pol\u00edcia Judici\u00e1ria); Council for the Prevention of Corruption.",
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-19": {
                "status": "partially",
                "measures": "The internal procedure for the ratification of the remaining United Nations instruments against "
                            "terrorism to which Portugal is not yet a party is ongoing. In 2010, the law on the prevention of "
                            "terrorism was amended to comply with the Council of Europe Convention on the Prevention of "
                            "Terrorism and the relevant European Union law. New provisions criminalize public provocation to "
                            "commit a terrorist offence and training for terrorism.",
                "references": [ref("Law No. 52/2003 on combating terrorism, as amended", "Law No. 52/2003", "2003-08-22")],
                "challenges": ["legal_system"],
                "planned_action": "Complete the ratification of the remaining instruments.",
                "assistance_needed": "no",
            },
            "SD-24": {
                "status": "planned",
                "measures": "A draft law was prepared in 2010 to create a national asset recovery office, which will identify "
                            "and manage assets derived from criminal activities. The law is expected to be approved in the "
                            "first half of 2011.",
                "challenges": ["priorities"],
                "planned_action": "Approve the law creating the asset recovery office in the first half of 2011.",
                "assistance_needed": "no",
            },
            "SD-25": {
                "status": "fully",
                "measures": text(
                    "To facilitate ratification, the Ministry of Justice translated the United Nations Convention against "
                    "Corruption and provided the text to Portuguese-speaking countries, together with the support "
                    "requested by their authorities.",
                    "The Legislative Guide for the Implementation of the United Nations Convention against Corruption will "
                    "be translated into Portuguese in 2011. It will be circulated to the judiciary, law enforcement and "
                    "other authorities in Portugal and sent to similar entities in Portuguese-speaking countries.",
                    "Portugal is ready to provide guidance and technical assistance to Portuguese-speaking countries. For "
                    "that purpose, we intend to reactivate, with UNODC, the activities foreseen in the memorandum of "
                    "understanding between our Ministry of Justice and UNODC.",
                ),
                "assistance_needed": "no",
                "can_offer_expertise": "yes",
            },
            "SD-36": {
                "status": "fully",
                "measures": "The second national plan against trafficking in persons was approved in 2010, in accordance "
                            "with the Protocols to the United Nations Convention against Transnational Organized Crime. The "
                            "plan takes a victim-centred approach, with full respect for the human rights of victims, and "
                            "promotes cooperation with civil society and non-governmental organizations (NGOs).",
                "references": [ref("II National Plan against Trafficking in Human Beings (2011-2013)",
                                   "Council of Ministers Resolution No. 94/2010", "2010-11-29")],
                "assistance_needed": "no",
            },
        },
        "general": {
            "tools_training": [
                "Tools and training manuals on asset recovery and return, to identify the difficulties that exist and to "
                "facilitate the approval of cooperation mechanisms between Member States, with a view to complying with "
                "chapter V of the United Nations Convention against Corruption",
            ],
        },
    },
    # Argentina answered only the questions on the congresses, one proposal per entry.
    "ARG": {
        "contact": ("Mart\u00edn Gonz\u00e1lez", "Director of International Affairs", "Ministry of Justice, Security and Human Rights of Argentina",
                    "martin.gonzalez@jus.example.org", "+54 11 5300 4000"),
        "items": {},
        "general": {
            "congress_efficiency": [
                "We propose that efforts be made to coordinate the ancillary meetings better, through the institutes of "
                "the United Nations crime prevention and criminal justice programme network and the host country of each "
                "congress.",
                "To that end, the number of ancillary meetings may need to be reduced and the meetings grouped by topic "
                "(e.g. prisons, corruption, human rights). It should be borne in mind that these meetings are organized "
                "by different institutions and non-governmental organizations, which are engaged in them.",
                "We suggest that some sessions be included in the congress programme for open discussions between "
                "representatives of Member States and non-governmental organizations, scholars and experts on three or "
                "four fundamental topics.",
                "In our view, the time devoted to negotiating the declaration of a congress should be limited.",
            ],
        },
    },
    # Ecuador writes impersonally, about what its Ministry does, with a list numbered 1), 2) ...
    "ECU": {
        "contact": ("Mar\u00eda Fernanda Ruiz", "Under-Secretary for Human Rights", "Ministry of Justice and Human Rights of Ecuador",
                    "mf.ruiz@minjusticia.example.org", "+593 2 395 5840"),
        "items": {
            "SD-6": {
                "status": "partially",
                "measures": text(
                    "A technical ministry is being established to give victims of violence free, swift and immediate access "
                    "to justice, to set investigation procedures that avoid revictimization and to set penalties for "
                    "related crimes.",
                    "Together with the Latin American Faculty of Social Sciences (FLACSO), the Ministry of Justice and Human "
                    "Rights offers a degree in human rights and gender for justice officials and has promoted an audit of "
                    "the acts of judges and justice officials.",
                ),
                "challenges": ["resources"],
                "assistance_needed": "no",
            },
            "SD-12": {
                "status": "fully",
                "measures": text(
                    "Trafficking in cultural property is a criminal offence under our Criminal Code.",
                    "An inter-institutional national commission has been created. It draws up and registers an inventory of "
                    "national cultural property, promotes training and strengthens cooperation for the return of such "
                    "property.",
                ),
                "assistance_needed": "no",
            },
            "SD-36": {
                "status": "partially",
                "measures": text(
                    "Trafficking in persons and the smuggling of migrants are criminal offences under Ecuadorian law, and a "
                    "series of training programmes on them has been organized.",
                    "The national plan against trafficking in persons is being updated.",
                ),
                "challenges": ["coordination"],
                "planned_action": "Adopt the updated national plan on trafficking in persons.",
                "assistance_needed": "no",
            },
            "SD-44": {
                "status": "partially",
                "measures": text(
                    lines(
                        "The Ministry of Justice and Human Rights trains officials who uphold the rule of law and prison "
                        "officers in human rights. It has prepared special training modules for:",
                        "1) judges;",
                        "2) prosecutors;",
                        "3) justice officials; and",
                        "4) staff working in social rehabilitation.",
                    ),
                    "The Ministry has also written a training manual for staff of centres for adolescents in conflict with "
                    "the law.",
                ),
                "examples": "Expert groups have been set up to discuss and analyse best practices and experiences, in line "
                            "with paragraphs 4 and 49 of the Salvador Declaration.",
                "challenges": ["resources", "capacity"],
                "assistance_needed": "yes",
                "assistance_kinds": ["training", "good_practices"],
                "assistance_priority": "medium",
            },
        },
        "general": {
            "tools_training": [
                "We strongly support a process to review and update the United Nations standards and norms in crime "
                "prevention and criminal justice, including those on the treatment of persons deprived of their liberty.",
            ],
        },
    },
    # Jordan writes in the third person, with a bulleted list.
    "JOR": {
        "contact": ("Omar Haddad", "Head, International Cooperation Unit", "Anti-Narcotics Department, Public Security Directorate of Jordan",
                    "o.haddad@psd.example.org", "+962 6 566 2111"),
        "items": {
            "SD-47": {
                "status": "fully",
                "measures": text(
                    lines(
                        "Jordan implements the international drug control conventions and promotes regional cooperation "
                        "against drug trafficking through:",
                        "\u2022 exchanges of information;",
                        "\u2022 direct collaboration with the drug control commissions of the Arab region;",
                        "\u2022 operational cooperation with neighbouring countries.",
                    ),
                    "We highlight that a national strategy against drugs has been launched, with the participation of civil "
                    "society and the media, to raise awareness, among other things, of the harm that drugs do to society.",
                ),
                "references": [ref("Narcotic Drugs and Psychotropic Substances Law", "Law No. 11 of 1988", "1988-04-16")],
                "agencies": "Anti-Narcotics Department (lead); Ministry of Health; Ministry of Education; Jordan Customs.",
                "assistance_needed": "no",
            },
        },
        "general": {},
    },
    # Malta sent one comment, opening with a verb of saying.
    "MLT": {
        "contact": ("Joseph Camilleri", "Policy Officer", "Ministry for Justice and Home Affairs of Malta",
                    "joseph.camilleri@gov.example.org", "+356 2295 7000"),
        "items": {
            "SD-53": {"comment": "We stress that, while recognizing the important initiatives of the United Nations to "
                                 "implement the provisions and objectives of the Salvador Declaration, Malta will continue "
                                 "its efforts in crime prevention and criminal justice to support the objectives set out in "
                                 "the Declaration and in the report of the Twelfth Congress."},
        },
        "general": {},
    },
}
