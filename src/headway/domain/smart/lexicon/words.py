"""Word lists the SMART coach reads goals with.

Every phrase is stored as lower-case tokens joined by single spaces, the same way goal text is
tokenised, so "full-stack developer" and "full stack developer" meet in one key.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*[+#]*")
MAX_PHRASE = 5


def words(block: str) -> tuple[str, ...]:
    """Split a comma- or newline-separated block into normalised phrases."""
    out = []
    for item in re.split(r"[,\n]", block):
        key = key_of(item)
        if key:
            out.append(key)
    return tuple(out)


def key_of(phrase: str) -> str:
    """Return the lookup key of a phrase: its lower-case tokens joined by spaces."""
    return " ".join(WORD_RE.findall(phrase.replace("\u2019", "'").lower()))


# Fields. "occ" fields name a discipline that is close to one occupation ("a teaching job" is a
# teacher's job); "sector" fields cover many occupations ("a job in tech").
FIELDS: dict[str, tuple[str, str]] = {
    "software": (
        """software engineering, software development, web development, app development,
        game development, mobile development, frontend, front end, backend, back end, full stack,
        devops, site reliability, qa, quality assurance, open source, open-source""",
        """tech, technology, software, it, information technology, saas, b2b saas, edtech, fintech,
        healthtech, health tech, gaming, video games, e-commerce, ecommerce, startups, big tech""",
    ),
    "data": (
        """data science, data analytics, data analysis, data engineering, machine learning,
        deep learning, artificial intelligence, ai, business intelligence, analytics, statistics,
        supply chain analytics, sequencing data""",
        "data",
    ),
    "security": (
        "cybersecurity, cyber security, information security, infosec, network security",
        "security",
    ),
    "cloud": ("cloud computing, cloud engineering, cloud architecture", "cloud"),
    "health": (
        """nursing, medicine, pharmacy, dentistry, dental, physiotherapy, physical therapy,
        occupational therapy, speech therapy, speech-language pathology, radiology, phlebotomy,
        medical coding, patient care, critical care, intensive care, family medicine,
        pediatrics, paediatrics, neonatology, surgery, emergency medicine, public health,
        nutrition, dietetics, midwifery, anesthesiology, cardiology, oncology, primary care,
        patient-care, clinical research""",
        """healthcare, health care, health, medical, clinical, hospital, hospitals, life sciences,
        medical school, med school, pt school, nursing school""",
    ),
    "psych": (
        "psychology, counseling, counselling, psychotherapy, social work, mental health",
        "therapy, wellbeing, well-being",
    ),
    "education": (
        """teaching, tutoring, tenure-track, tenure track, instructional design,
        special education, early childhood education,
        educational leadership, curriculum design, school counseling, esl, tefl""",
        "education, higher education, academia, schools, k-12",
    ),
    "law": (
        """law, immigration law, family law, corporate law, criminal law, litigation, paralegal,
        mediation, legal research, pro bono, law school""",
        "legal, justice, courts",
    ),
    "finance": (
        """accounting, bookkeeping, auditing, audit, financial planning, investment banking,
        financial analysis, actuarial science, tax, taxation, payroll, wealth management,
        month-end close, corporate finance""",
        "finance, banking, insurance, investment, investments, financial services, fintech",
    ),
    "marketing": (
        """marketing, digital marketing, content marketing, seo, social media, social media
        marketing, advertising, public relations, pr, communications, copywriting, branding,
        email marketing, growth marketing, email campaigns""",
        "media, advertising",
    ),
    "sales": (
        """sales, business development, account management, customer success, real estate,
        customer service""",
        "retail, e-commerce, consumer goods",
    ),
    "design": (
        """ux, ux design, ui, ui design, ux research, user research, user experience,
        graphic design, product design, interaction design, web design, interior design,
        fashion design, industrial design, visual design, motion design""",
        "design, creative industries, fashion, fashion industry",
    ),
    "architecture": ("architecture, urban planning, landscape architecture", "built environment"),
    "arts": (
        """illustration, illustrations, animation, painting, oil painting, photography, film,
        filmmaking, music, theatre, theater, musical theatre, acting, dance, creative writing,
        journalism, publishing, screenwriting, fine art, sculpture, ceramics, music production,
        video editing, writing, ux writing, content design, technical writing""",
        "arts, art, film industry, entertainment, music industry, creative arts, culture",
    ),
    "trades": (
        """welding, plumbing, carpentry, electrical, hvac, masonry, roofing, woodworking,
        automotive, auto repair, machining, cnc, electrical work, structural welding, construction
        management""",
        "construction, trades, skilled trades, manufacturing, production",
    ),
    "engineering": (
        """civil engineering, mechanical engineering, electrical engineering, chemical engineering,
        aerospace engineering, structural engineering, biomedical engineering, industrial
        engineering, environmental engineering, robotics""",
        "engineering, aerospace, aerospace industry, automotive industry",
    ),
    "science": (
        """neuroscience, biology, chemistry, organic chemistry, physics, microbiology,
        soil microbiology, genetics, ecology, environmental science, geology, economics,
        mathematics, math, algebra, calculus, astronomy, biochemistry, bioinformatics, sociology,
        anthropology, history, philosophy, computational neuroscience""",
        """science, sciences, research, biotech, biotechnology, pharma, pharmaceutical, stem,
        academia""",
    ),
    "environment": (
        """sustainability, renewable energy, clean energy, solar energy, conservation, climate
        policy, environmental policy, renewable energy policy, forestry, agriculture, farming,
        organic farming, water quality""",
        "energy, environment, climate, green energy, environmental",
    ),
    "public": (
        """public policy, policy, politics, public administration, diplomacy, foreign service,
        law enforcement, policing, firefighting, emergency services, military, defense, defence,
        community organizing, international development""",
        """government, public service, public sector, federal government, civil service, nonprofit,
        non-profit, nonprofits, social impact, ngo""",
    ),
    "hospitality": (
        "culinary, culinary arts, baking, pastry, wine, hospitality management",
        "hospitality, food service, restaurants, tourism, travel, events, food industry",
    ),
    "business": (
        """project management, product management, operations, consulting, management consulting,
        entrepreneurship, strategy, supply chain management, procurement, business administration,
        management""",
        "business, corporate, startup, logistics, supply chain",
    ),
    "hr": (
        "hr, human resources, recruiting, recruitment, talent acquisition, people operations",
        "hr",
    ),
    "transport": (
        "aviation, trucking, flying, long-haul, long haul",
        "transportation, transport, airlines, shipping",
    ),
    "fitness": (
        "personal training, yoga, coaching, athletic training, fitness instruction",
        "fitness, sports, sport, wellness",
    ),
    "languages": (
        "translation, interpreting, interpretation, linguistics, spanish-english",
        "languages, language",
    ),
    "library": (
        "library science, librarianship, archives, curation, museum studies",
        "libraries, museums, cultural heritage",
    ),
    "beauty": ("cosmetology, hairdressing, esthetics, barbering", "beauty, salon"),
    "animals": ("veterinary medicine, animal care, veterinary", "animal welfare, animals"),
}

# Roles whose name carries their field ("nurse"): specific on their own.
SPECIFIC_ROLES: dict[str, str] = {
    "health": """nurse, registered nurse, rn, lpn, cna, nurse practitioner, np, charge nurse,
        icu nurse, doctor, physician, surgeon, dentist, pharmacist, pharmacy technician, midwife,
        dental hygienist, hygienist, dental assistant, optometrist, radiographer, sonographer,
        phlebotomist, paramedic, emt, physiotherapist, physical therapist, occupational therapist,
        speech-language pathologist, speech therapist, chiropractor, dietitian, nutritionist,
        anesthesiologist, radiologist, cardiologist, dermatologist, pediatrician, psychiatrist,
        obstetrician, neurologist, oncologist, medical assistant, medical scribe, scribe,
        surgical technologist, surgical tech, caregiver, veterinarian, vet, veterinary technician,
        vet tech, audiologist, epidemiologist, medical coder, pa, physician assistant, dental nurse,
        healthcare assistant, health care assistant, care assistant, nursing assistant,
        support worker, care worker, home health aide, patient care technician, midwife,
        respiratory therapist, radiologic technologist, radiology technician, x-ray technician,
        medical laboratory scientist, biomedical scientist, health visitor, district nurse,
        nurse educator, nurse manager, nurse anaesthetist, nurse anesthetist, crna,
        clinical nurse specialist, staff nurse, ward sister, theatre nurse, scrub nurse,
        school nurse, travel nurse, psychiatric nurse, mental health nurse, anaesthetist, gp,
        general practitioner, consultant physician, registrar, junior doctor, resident doctor,
        ophthalmologist, orthodontist, podiatrist, osteopath, optician, dispensing optician,
        massage therapist, doula, pharmacy assistant, dental technician, healthcare scientist,
        ambulance technician, emergency medical technician, lvn, rpn, hca""",
    "psych": """psychologist, clinical psychologist, therapist, counselor, counsellor,
        social worker, lcsw, psychotherapist, case manager, mental health counselor,
        mental health counsellor, marriage and family therapist, art therapist,
        play therapist, youth worker, family support worker, probation officer""",
    "law": """lawyer, attorney, paralegal, solicitor, barrister, judge, prosecutor, notary,
        legal assistant, legal secretary, conveyancer, trainee solicitor, associate attorney,
        public defender, magistrate, law clerk, legal executive, patent attorney,
        in-house counsel, general counsel, corporate lawyer, immigration lawyer""",
    "finance": """accountant, bookkeeper, auditor, actuary, banker, financial analyst,
        financial planner, financial advisor, underwriter, stockbroker, broker, trader,
        tax preparer, cpa, controller, tax advisor, tax adviser, payroll specialist,
        credit analyst, loan officer, mortgage advisor, investment banker, quant,
        quantitative analyst, portfolio manager, fund manager, insurance broker, claims adjuster,
        loss adjuster, financial controller, finance manager, treasury analyst, chartered
        accountant, management accountant, accounts assistant, accounts payable clerk,
        bank manager, equity analyst, wealth manager, compliance officer, audit senior, tax senior,
        audit associate, audit manager, tax manager, audit trainee""",
    "trades": """electrician, master electrician, journeyman electrician, plumber, carpenter,
        welder, machinist, cnc machinist, mechanic, roofer, mason, bricklayer, ironworker,
        lineman, pipefitter, steamfitter, boilermaker, glazier, hvac technician, locksmith,
        millwright, cabinetmaker, automotive service technician, auto mechanic, plasterer, tiler,
        joiner, scaffolder, stonemason, drywaller, drywall installer, painter and decorator,
        decorator, glazier, welding inspector, pipe welder, tig welder, fabricator,
        sheet metal worker, crane operator, heavy equipment operator, excavator operator,
        forklift operator, forklift driver, hgv driver, lorry driver, bus driver, truck mechanic,
        diesel mechanic, diesel technician, aircraft mechanic, aircraft maintenance technician,
        avionics technician, wind turbine technician, solar installer, elevator mechanic,
        refrigeration technician, gas engineer, gas fitter, heating engineer, landscaper,
        gardener, arborist, tree surgeon, upholsterer, tailor, seamstress, cobbler, jeweller,
        jeweler, blacksmith, farrier, butcher, electrical apprentice, apprentice electrician,
        apprentice plumber, apprentice carpenter, journeyman, master plumber, shipwright,
        boat builder, rigger, surveyor technician, building inspector, site manager,
        construction manager, quantity surveyor, estimator""",
    "education": """teacher, professor, lecturer, tutor, librarian, principal, headteacher,
        teaching assistant, instructional designer, school counselor, school counsellor, early years
        practitioner, early years teacher, nursery teacher, preschool teacher, kindergarten teacher,
        primary school teacher, primary teacher, secondary school teacher, secondary teacher,
        high school teacher, maths teacher, math teacher, science teacher, english teacher,
        music teacher, art teacher, pe teacher, special education teacher, sen teacher, senco,
        esl teacher, efl teacher, language teacher, substitute teacher, supply teacher,
        teaching fellow, assistant professor, associate professor, dean, deputy head,
        head of department, learning support assistant, education consultant, academic advisor""",
    "hospitality": """chef, sous chef, head chef, cook, baker, barista, bartender, sommelier,
        pastry chef, line cook, chef de partie, kitchen porter, hotel manager,
        restaurant manager, event planner, wedding planner, events coordinator, caterer,
        front of house manager, housekeeping manager""",
    "public": """firefighter, police officer, detective, diplomat, ranger, park ranger, soldier,
        marine, sergeant, lieutenant, foreign service officer, city council, city council member,
        councillor, council member, mayor, senator, school board member, state legislator,
        corrections officer,
        correctional officer, prison officer, border patrol agent, customs officer, coast guard,
        airman, sailor, paratrooper, infantry officer, commissioned officer, military officer,
        army officer, naval officer, police constable, police sergeant, detective sergeant,
        firefighter paramedic, dispatcher, 911 dispatcher, civil servant, policy analyst,
        policy advisor, diplomat, intelligence analyst, special agent, federal agent""",
    "transport": """pilot, airline pilot, commercial airline pilot, flight attendant, truck driver,
        trucker, air traffic controller, hgv driver, lorry driver, bus driver, train driver,
        train conductor, ship captain, deckhand, merchant navy officer, first officer, co-pilot,
        helicopter pilot, drone pilot, cabin crew, dispatcher""",
    "software": """programmer, developer, software developer, software engineer, web developer,
        frontend developer, backend developer, full-stack developer, devops engineer,
        site reliability engineer, sre, game developer, mobile developer, dev, developers, devs,
        web dev, software dev, junior dev, senior dev, frontend dev, backend dev, full stack dev,
        full-stack dev, front-end developer, back-end developer, ios developer, android developer,
        qa engineer, qa tester, software tester, test engineer, sdet, automation engineer,
        cloud engineer, platform engineer, ml engineer, ai engineer, security engineer,
        network engineer, network administrator, systems administrator, sysadmin,
        database administrator, dba, it support technician, it support, help desk technician,
        helpdesk technician, it technician, it specialist, solutions architect, cloud architect,
        software architect, systems engineer, embedded engineer, firmware engineer,
        blockchain developer, wordpress developer, salesforce developer, swe, coder,
        scrum master, product owner, business analyst, it project manager""",
    "data": """data scientist, data analyst, data engineer, statistician,
        machine learning engineer, data architect, analytics engineer, bi analyst, bi developer,
        business intelligence analyst, research analyst, gis analyst, gis specialist""",
    "security": """soc analyst, security analyst, penetration tester, cybersecurity analyst,
        ethical hacker, pen tester, information security analyst, cyber security analyst,
        security architect, incident responder, threat analyst""",
    "arts": """animator, illustrator, photographer, journalist, novelist, screenwriter, actor,
        actress, musician, singer, dancer, composer, painter, sculptor, filmmaker, curator,
        archivist, copywriter, video editor, production assistant, artist, tattoo artist,
        concept artist, makeup artist, make-up artist, visual artist, graphic artist,
        ceramicist, potter, printmaker, poet, playwright, author, voice actor, dj, music producer,
        sound engineer, audio engineer, cinematographer, film director, theatre director,
        stage manager, set designer, costume designer, choreographer, art teacher, art director,
        creative director, content creator, youtuber, podcaster, photojournalist, reporter,
        news reporter, editor-in-chief, columnist, game designer, fashion designer, jewellery
        designer, florist, art therapist""",
    "design": """ux designer, ui designer, graphic designer, ux researcher, interior designer,
        product designer, web designer, ui/ux designer, ux/ui designer, motion designer,
        motion graphics designer, industrial designer, visual designer, interaction designer,
        service designer, content designer, ux writer""",
    "architecture": """architect, urban planner, surveyor, landscape architect, town planner,
        architectural technologist, architectural technician, cad technician, draftsman,
        draughtsman, drafter""",
    "science": """economist, biologist, chemist, physicist, geologist, mathematician,
        neuroscientist, microbiologist, ecologist, astronomer, lab technician,
        laboratory technician,
        research scientist, research assistant, research associate, postdoc, postdoctoral
        researcher, lab manager, chemist, biochemist, pharmacologist, toxicologist, geneticist,
        physicist, meteorologist, oceanographer, zoologist, marine biologist, botanist,
        data scientist, clinical research associate, clinical research coordinator,
        environmental scientist, food scientist, materials scientist, engineer in training""",
    "environment": """environmental consultant, farmer, rancher, forester, conservationist,
        ecologist, sustainability consultant, sustainability manager, energy consultant,
        environmental officer, agronomist, beekeeper""",
    "languages": "translator, interpreter, court interpreter, medical interpreter",
    "beauty": """hairdresser, barber, cosmetologist, esthetician, stylist, hair stylist,
        hairstylist, beautician, beauty therapist, nail technician, nail tech,
        lash technician, makeup artist""",
    "fitness": """personal trainer, yoga instructor, athletic trainer, fitness instructor,
        pilates instructor, swim coach, swimming instructor, football coach,
        strength and conditioning coach, sports coach, physio""",
    "sales": """realtor, real estate agent, sales rep, sales representative, salesperson,
        estate agent, letting agent, property manager, account executive, account manager,
        sales manager, sales executive, business development manager, sales associate,
        retail assistant, store manager, shop manager, merchandiser, visual merchandiser,
        customer success manager""",
    "hr": """recruiter, hr business partner, hr manager, hr advisor, hr adviser, hr assistant,
        hr generalist, hr officer,
        talent acquisition specialist, people partner, payroll administrator, l&d manager,
        training manager""",
    "service": """lifeguard, camp counselor, camp counsellor, babysitter, nanny, cashier, server,
        waiter, waitress, receptionist, security guard, janitor, custodian, delivery driver,
        courier, flight instructor, dog walker, housekeeper, concierge, bank teller, teller""",
}

# Role heads that need a qualifier or a place to be specific ("manager" of what, where?).
GENERIC_ROLES = words(
    """manager, director, lead, leader, head, supervisor, executive, officer, administrator,
    coordinator, specialist, consultant, analyst, engineer, scientist, designer, technician,
    technologist, assistant, associate, representative, rep, agent, advisor, adviser, planner,
    strategist, producer, writer, editor, coach, trainer, instructor, clerk,
    operator, worker, employee, staff, professional, freelancer, contractor,
    entrepreneur, owner, founder, co-founder, cofounder, partner, president, vice president, vp,
    ceo, cto, cfo, coo, cmo, cio, intern, apprentice, trainee, fellow, resident, researcher,
    member, volunteer, mentor, inspector, chair, captain, practitioner, attendant, aide, alumni,
    alumnus, alumna, professionals,
    superintendent, foreman, millionaire, boss, team lead, tech lead, scholar, speaker, guru,
    public speaker,
    ambassador, organizer, organiser, developer advocate, principal investigator"""
)

SENIORITY = words(
    """senior, junior, lead, chief, head, principal, staff, entry-level, entry level, associate,
    assistant, deputy, acting, new, first, full-time, full time, part-time, part time, remote,
    paid, unpaid, permanent, stable, temporary, contract, freelance, seasonal, regular, local,
    certified, licensed, registered, qualified, experienced, professional, team, leadership,
    management, managerial, corporate, office, summer, winter, spring, fall, next, own, real,
    proper, steady, secure, decent, higher, high-level, executive, independent, another,
    different, same, current, future, overseas, international, global, national, official, early,
    early-stage, founding, go-to, online, free, short, intro, introductory, quick"""
)

VAGUE = words(
    """top, best, better, good, great, successful, famous, dream, amazing, awesome, excellent,
    perfect, ideal, prestigious, big, bigger, huge, well-paid, well paid, high-paying,
    high paying, cool, fun, nice, interesting, exciting, meaningful, fulfilling, rewarding,
    impressive, elite, leading, world-class, world class, 10x, rockstar, ninja, guru, happier,
    happy, rich, wealthy, influential, respected, recognized, recognised, strong, stronger,
    solid, fancy, awesome, real good, superb, outstanding, renowned, notable, top-tier, top tier,
    tier-one, tier one, reputable, well-known, well known, popular, flexible, easy, easier, go-to,
    go to, rock star, star, dreamy"""
)

LEVEL_WORDS = words(
    """fluent, fluency, proficient, proficiency, conversational, expert, advanced, intermediate,
    competent, native-like, bilingual, skilled, skillful, fluently, proficiently,
    conversationally"""
)

# Credentials named on their own ("CPA"), grouped by field.
NAMED_CREDENTIALS: dict[str, str] = {
    "finance": """cpa, cpa exam, cfa, cfa level i, cfa level ii, cfa level iii, cfp,
        certified financial planner, acca, cima, frm, cma, ea, series 7, series 63, series 65,
        series 66, finra, chartered accountant, aca, acca qualification, cpa license, cpa licence,
        ea exam, cfa charter, cfa charterholder, chartered financial analyst, cia exam, cima
        qualification, aat, aat level 3, aat level 4, icaew, icas, caia, ifa, dipifr""",
    "business": """pmp, capm, pmi-acp, prince2, six sigma, lean six sigma, green belt, black belt,
        csm, certified scrummaster, scrum master certification, psm, itil, apics, cscp, cpim,
        mba, cpsm, asq, certified quality auditor, cqa, executive mba, emba, apm, pmq, pfq,
        prince2 practitioner, prince2 foundation, cbap, ccba, pmi, safe agilist,
        csm certification""",
    "software": """pcep, pcap, oracle certified, ocp, github foundations""",
    "cloud": """aws, aws certified, solutions architect, cloud practitioner, aws cloud practitioner,
        azure, az-900, az-104, gcp, google cloud, cka, ckad, terraform associate""",
    "security": """cissp, cism, cisa, ceh, oscp, security+, comptia security+, comptia, a+,
        network+, linux+, ccna, ccnp, gsec, comptia a+, ccie, cysa+, pentest+, casp+,
        comptia network+,
        comptia cysa+, certified ethical hacker, gcih, jncia, rhcsa, rhce, mcsa, mcse""",
    "data": """google data analytics, google data analytics certificate,
        google data analytics professional certificate, tableau certification""",
    "design": "google ux design certificate, google ux design, ux certificate",
    "health": """nclex, nclex-rn, nclex-pn, bsn, msn, dnp, adn, cna certification, usmle, mcat,
        md, do, pharmd, dpt, otd, ot, np license, rn license, bls, acls, pals, cpr,
        ems certification, emt-b, emt, cpc, ccs, rhia, rhit, cpt, cpht, cda, rda, cma, rma,
        board certification, boards, ccrn, fnp, medical license, nmc registration, nmc pin,
        nmc test, oet, plab, plab 1, plab 2, mrcp, mrcs, mrcgp, frcs,
        usmle step 1, usmle step 2, nclex-rn exam, rn licence, nursing licence, nursing license,
        nursing registration, hcpc registration, cna license, cna licence, cen, cpn, cnor,
        fnp-bc, agpcnp, pmhnp, phlebotomy certification, ekg certification""",
    "psych": """lcsw, lpc, lmft, msw, psyd, licensed clinical social worker, lpc licence,
        lpc license""",
    "law": """bar exam, the bar, lsat, jd, llm, paralegal certificate, bar admission, mpre, sqe,
        sqe1, sqe2, lpc, bptc, bar course, llb, gdl, pgdl, cilex,
        law degree, juris doctor, bar licence, bar license, pupillage, training contract""",
    "education": """teaching license, teaching licence, teaching credential, teaching certificate,
        tefl, tesol, celta, delta, praxis, pgce, qts, med, pgde, cert ed, b.ed, bed, m.ed,
        ma in education,
        teaching qualification, teaching degree, npqh, npqsl, ectq""",
    "trades": """journeyman license, journeyman licence, master electrician license, red seal,
        cdl, cdl class a, cdl class b, osha 10, osha 30, epa 608, ase, ase certification,
        aws d1.1, nccer, forklift certification, forklift license, cwi, cswip, 6g certification,
        6g welding certification,
        welding certification, welding ticket, journeyman card,
        journeyman ticket, red seal certification, hgv licence, hgv license, hgv class 1,
        hgv class 2, class 1 licence, class 2 licence, lgv licence, cpc card, cscs card,
        18th edition, am2, nvq level 2, nvq level 3, nvq, city and guilds, city & guilds,
        gas safe, gas safe registration, epa certification, cdl license, cdl licence,
        master plumber license, electrical license, electrical licence, contractor's license,
        contractor license""",
    "architecture": "are, are exams, ncarb, riba, leed, leed ap, arb registration",
    "engineering": """fe exam, pe exam, pe license, eit, ceng, pe, ieng, eng tech,
        professional engineer, chartered engineer, chartered engineer status""",
    "hr": """shrm-cp, shrm-scp, phr, sphr, cipd, cipd level 3, cipd level 5,
        cipd level 7, chartered mcipd, mcipd""",
    "fitness": "nasm, ace certification, ryt, ryt 200, 200-hour ryt, cscs, issa",
    "languages": """ielts, toefl, toeic, jlpt, jlpt n1, jlpt n2, jlpt n3, jlpt n4, jlpt n5, dele,
        delf, dalf, hsk, topik, goethe certificate, ata certification, cefr, ielts academic,
        ielts general, celpip,
        pte, pte academic, duolingo english test, cambridge c1, cambridge c2, cae, cpe, fce,
        c1 advanced, c2 proficiency, b2 first, goethe-zertifikat, testdaf, dele b2, dele c1,
        delf b2, dalf c1, hsk 4, hsk 5, hsk 6, jlpt n1, dipl trans, cil""",
    "hospitality": "wset, wset level 2, wset level 3, servsafe, court of master sommeliers",
    "sales": "real estate license, real estate licence, series 6",
    "transport": """private pilot licence, private pilot license, ppl, commercial pilot license,
        atpl, faa certification, cpl, commercial pilot licence, airline transport pilot licence,
        instrument rating,
        type rating, cfi, private pilot certificate, faa a&p, a&p license,
        a&p licence, a&p certification, easa part-66""",
    "public": """foreign service officer test, fsot, police academy, asvab,
        officer candidate school, ocs, sandhurst""",
    "general": """ged, sat, act, gre, gmat, hiset, dean's list, deans list, honor roll,
        microsoft office specialist, mos, microsoft office specialist expert, driver's license,
        driving test, driving licence test, road test, driver's test,
        drivers license, driving licence, driver's licence,
        nsf graduate research fellowship, fulbright, rhodes scholarship, pcep certification, bsc,
        b.sc, msc, m.sc, beng, meng, bba, mphil, dphil, mres, bfa, mfa, bsn degree,
        a-levels, a levels, a-level, gcse, gcses, gcse maths, gcse english, ib diploma,
        international baccalaureate, hnd, hnc, btec, higher national diploma, access to he
        diploma, access course, ged diploma, high school diploma, psat, act exam, sat exam,
        gre exam, gmat exam, lsat exam, mcat exam, cscs, first aid certificate""",
}

# Generic credential nouns: specific only with a subject ("a certificate in project management").
CREDENTIAL_NOUNS = words(
    """certification, certifications, certificate, certificates, license, licence, licenses,
    licences, credential, credentials, qualification, qualifications, diploma, degree, degrees,
    bachelor's, bachelors, bachelor, bachelor's degree, master's, masters, master's degree,
    associate degree, associate's degree, associate's, doctorate, doctoral degree, exam, exams,
    examination, test, board exam, licensing exam, certified, licensed, accreditation, badge,
    phd, doctorate, charter,
    fellowship, scholarship, scholarships, grant, grants, award, finals, midterms, midterm,
    final exams, boards"""
)
PROGRAM_NOUNS = words(
    """course, courses, class, classes, bootcamp, boot camp, program, programme, training,
    apprenticeship, residency, specialization, specialisation, nanodegree, module, workshop,
    curriculum, prerequisite courses, prerequisites, basic training, academy, scheme,
    graduate scheme, traineeship"""
)

HARD_SKILLS: dict[str, str] = {
    "software": """python, python 3, java, javascript, typescript, c++, c#, c, golang, rust, ruby,
        php, swift, kotlin, html, css, react, angular, vue, node, node.js, django, flask, git,
        docker, kubernetes, linux, algorithms, data structures, leetcode, rails, spring boot,
        unit testing, web development, api design, system design, the odin project""",
    "data": """sql, r, excel, tableau, power bi, pandas, machine learning, deep learning,
        data analysis, data analytics, statistics, spss, sas, matlab, stata, data visualization,
        data visualisation, big data, spark, hadoop, nlp""",
    "cloud": "aws, azure, gcp, terraform, cloud computing",
    "design": """figma, sketch, adobe xd, photoshop, illustrator, indesign, after effects,
        premiere pro, ux design, ui design, graphic design, prototyping, user research,
        wireframing, blender, maya, 3d modeling, 3d modelling""",
    "architecture": "autocad, revit, solidworks, sketchup, rhino, bim",
    "finance": """quickbooks, xero, financial modeling, financial modelling, accounting,
        bookkeeping, sap, gmp regulations, gaap, ifrs, tax preparation""",
    "marketing": "salesforce, hubspot, google analytics, seo, sem, copywriting, google ads",
    "business": "jira, project management, agile, scrum, negotiation skills, lean",
    "languages": """spanish, french, german, japanese, mandarin, chinese, korean, arabic,
        portuguese, italian, russian, hindi, english, asl, sign language, dutch, swedish,
        turkish, vietnamese, polish, greek, hebrew, urdu, tagalog, cantonese, latin""",
    "trades": """welding, carpentry, plumbing, woodworking, electrical wiring, fixing cars,
        car repair, auto repair, forklift, cnc programming, masonry, tiling, drywall, weld""",
    "arts": """photography, video editing, oil painting, oil painting techniques, painting,
        drawing, guitar, piano, violin, singing, sewing, pottery, calligraphy, animation,
        music production, screenwriting""",
    "health": "phlebotomy, first aid, cpr, medical coding, medical terminology, suturing",
    "hospitality": "cooking, baking, pastry, knife skills, mixology, wine tasting",
    "science": """organic chemistry, calculus, algebra, linear algebra, bioinformatics,
        lab techniques, pcr, microscopy, statistics""",
    "law": "legal research, legal writing, contract drafting, mediation",
}
SOFT_SKILLS = words(
    """communication, communication skills, leadership, leadership skills, teamwork,
    time management, organisation, organization, organizational skills, organisational skills,
    public speaking, presentation skills, presenting, people skills, soft skills,
    interpersonal skills, problem solving, problem-solving, critical thinking, creativity,
    networking, network, emotional intelligence, negotiation, management skills,
    writing skills, skills, new skills, coding, code, programming, technical skills, english
    skills, study habits, productivity, resilience, work ethic, customer service skills,
    people management, delegation, listening, conflict resolution, decision making,
    decision-making, mentoring, storytelling, coding skills, excel skills, python skills"""
)

# Bodies of work. Strong ones are concrete on their own; weak ones need a subject or venue.
STRONG_WORKS = words(
    """novel, novels, screenplay, screenplays, script, album, ep, single, mixtape, thesis,
    dissertation, capstone project, capstone, portfolio website, website, web app,
    web apps, app, apps, mobile app, podcast, documentary, short film, feature film, film,
    exhibition, solo exhibition, picture book, children's picture book, children's book,
    cookbook, memoir, first draft, manuscript, research paper, research papers, paper, papers,
    first-author papers, journal article, peer-reviewed paper, byline, patent, prototype,
    mockups, app mockups, case studies, ux case studies, pull requests, merged pull requests,
    mobile app, seed round, funding round,
    paintings, prints, sculpture, mural, game, video game, onboarding feature, feature,
    green card application, grant application, grant proposal, business plan, collection,
    episodes, youtube channel, newsletter, curriculum, lesson plans, screenplays, short,
    animated short, music video, demo reel, showreel, reel, speaking gigs, speaking engagements,
    solo show, solo exhibition, linkedin page, linkedin profile, data warehouse, data pipeline,
    onboarding flow, design system, graphic novel, poetry collection, anthology, zine, demo tape,
    handbook, textbook"""
)
WEAK_WORKS = words(
    """book, books, article, articles, post, posts, story, stories, project, projects, content,
    research, video, videos, channel, problems, reports, report, episode, essay, essays,
    songs, song, designs, products, product, house, houses, home, homes, tests, a/b tests,
    dashboards, dashboard, tools, scripts, pipelines, models, automations, templates,
    production, productions, show, shows, play, plays, musical, musicals, talk, talks,
    presentation, presentations, poster, lecture, webinar, workshop, speech, keynote, portfolio,
    resume, résumé, cv, cover letter, blog, blogs, blog post, blog posts, jewelry, jewellery,
    crafts, artwork, pottery, candles,
    cakes, photos, photographs, furniture, clothing, testimonials, reviews, guide, system,
    pipeline, platform, integration, database, flow"""
)
BUSINESSES = words(
    """clinic, physiotherapy clinic, practice, salon, bakery, online bakery, restaurant, cafe,
    café, food truck, shop, online shop, store, shopify store, etsy shop, farm, vegetable farm,
    studio, agency, consultancy, firm, brand, nonprofit, charity, daycare, gym, label,
    barbershop, barber shop, bookshop, bookstore, coffee shop, boutique, nail salon, brewery,
    florist, print shop, tattoo studio, kennel, cattery, nursery, garage, food stall, roastery,
    coffee roastery, coffee cart, pub, bar, hotel, guesthouse, bed and breakfast, workshop"""
)
GENERIC_BUSINESSES = words("business, company, startup, start-up, side business, side hustle")

RESULTS = words(
    """sales, revenue, income, salary, raise, pay rise, savings, profit, profits, clients,
    customers, followers, following, subscribers, users, downloads, views, grades, grade, gpa,
    score, scores, rating, ratings, coverage, retention, engagement, satisfaction,
    close time, resolution time, meeting time, errors, defects, scrap, costs, cost, delays,
    debt, loan, loans, student loan, down payment, tuition, funds, donations, budget, margin,
    conversion, conversions, traffic, leads, deals, new business, churn, turnover, attendance,
    productivity, output, efficiency, market share, net worth, commission, earnings, trust score,
    on-time delivery rate, delivery rate, rate, accuracy, informational interviews,
    reading scores, test scores, patient satisfaction scores,
    performance rating, quota, sales quota, billable hours, money, cases, pro bono cases,
    promotion, complaints, customer complaints, incidents, tickets, returns, absences, injuries,
    accidents, bugs, outages, downtime, waste, emissions, overtime, backlog, wait time,
    wait times, response time, turnaround time, lead time, no-shows, readmissions, commute,
    expenses, living expenses, emergency fund, typing speed, speed, interviews, coffee chats,
    mrr, arr, churn, signups, sign-ups, newsletter signups, active users, mau, dau, bookings,
    mock interviews, networking calls, seed round, funding, net promoter score, nps, debt free,
    debt-free, permanent residency, permanent residence, citizenship, green card, work visa,
    cpd credits, cpd hours, ceus, ce credits, continuing education credits, credits,
    recruiter messages, tenure, tenure-track position, tenured position, deliveries, rides,
    five-star reviews, five star reviews, morale, team morale"""
)
QUANTITY_NOUNS = frozenset(
    words(
        """jobs, books, events, networking events, hours, applications, interviews, clients,
    customers, sales, cases, houses, homes, papers, articles, posts, connections, contacts,
    certifications, courses, classes, projects, students, patients, followers, subscribers,
    shifts, money, revenue, income, salary, pay, grades, gpa, scores, score, ratings, rating,
    satisfaction, engagement, retention, coverage, sales numbers, numbers, savings, profit,
    profits, leads, deals, donations, funds, views, downloads, users, members, volunteers,
    referrals, publications, reviews, stars, miles, words, pages, time, costs, errors, delays,
    responsibilities, tasks, skills, vocabulary, vocab, signups, sign-ups, churn"""
    )
) - frozenset(words("responsibilities, tasks, skills"))

EMPLOYMENT = words(
    """job, jobs, position, positions, role, roles, career, careers, internship, internships,
    placement, work placement, apprenticeship, job offer, offer, offers, employment, gig, gigs,
    full-time, full time job, summer job, part-time job, part-time, part time,
    post, opportunity, opportunities, co-op, externship, job offers, work, workforce"""
)
# Employment nouns that only count as the object of a verb ("work" alone is an activity).
VERB_ONLY_EMPLOYMENT = frozenset(words("work, post, opportunity, opportunities, offer, offers"))

ORG_KINDS = words(
    """hospital, children's hospital, clinic, school, high school, middle school, elementary school,
    college, community college, university, medical school, med school, law school,
    business school, pt school, nursing school, graduate school, grad school, museum, gallery,
    library, public library, shelter, animal shelter, fire department, police department,
    department, department of health, agency, bank, investment bank, law firm, nonprofit,
    ngo, charity, studio, game studio, indie game studio, restaurant, hotel, airline,
    major airline, carrier, regional carrier, contractor, union contractor, district,
    school district, lab, laboratory, practice, pediatric practice, pharmacy, publisher,
    outlet, outlets, newspaper, magazine, journal, peer-reviewed journal, station, court, office,
    army,
    navy, air force, marine corps, marines, military, government, federal government,
    state government, council, city council, ministry, health system, cro, consultancy, club,
    clubs, student clubs, retailer, store, shop, warehouse, factory, manufacturing plant,
    distribution center,
    distribution centre, farm, church, union, association, institute, foundation, center,
    centre, squad, phd program, film festivals, festival,
    hospice, nursing home, care home, shipyard, call centre, call center, fintech, edtech,
    meetups, meetup, craft fairs, craft fair, fairs, hotel chain, nonprofits,
    festivals, conference, industry conference, food bank, community group, volunteer group,
    accounting firm, accounting firms, cpa firm, big four, big 4, fortune 500, faang,
    edtech company, tech company, saas company, startup studio, production line, route, unit,
    territory, region, service, services, billing service, online shop, online store,
    hospitals, schools, agencies, publishing house, publishing houses, record label"""
)
GENERIC_ORGS = words(
    """company, companies, firm, firms, corporation, corporations, organisation, organization,
    organisations, organizations, employer, employers, workplace, place, business, businesses,
    industry, field, sector, world, team, startup, startups"""
)
NAMED_ORGS = words(
    """google, microsoft, amazon, apple, meta, facebook, netflix, stripe, tesla, spacex, nasa,
    ibm, intel, nvidia, adobe, deloitte, pwc, kpmg, ey, accenture, mckinsey, bain, bcg,
    goldman sachs, jp morgan, jpmorgan, morgan stanley, nhs, un, united nations, unicef,
    red cross, peace corps, fbi, cia, walmart, disney, pixar, boeing, airbus, pfizer,
    mayo clinic, who, world bank, imf, linkedin, youtube, spotify, etsy, shopify, coursera,
    udemy, edx, github, tiktok, instagram, twitter, substack, openai, anthropic, salesforce,
    uber, uber eats, lyft, deliveroo, doordash, instacart, just eat, grubhub, taskrabbit, upwork,
    fiverr, toptal, peopleperhour, airbnb, amazon flex, wolt, glovo"""
)
# Gig platforms name the work done through them ("Drive for Uber" is a driver's job).
GIG_PLATFORMS = frozenset(
    words(
        """uber, uber eats, lyft, deliveroo, doordash, instacart, just eat, grubhub, taskrabbit,
    upwork, fiverr, toptal, peopleperhour, amazon flex, wolt, glovo"""
    )
)
PLATFORMS = frozenset(
    words(
        "coursera, udemy, edx, linkedin learning, skillshare, codecademy, khan academy, pluralsight"
    )
)
PLACES = words("abroad, overseas, remotely, internationally, in another country")

# Everyday words one letter from a lexicon word, never corrected to it ("follow" is not
# "fellow", "listen" is not "lister").
PLAIN_WORDS = words(
    """follow, follows, followed, following, listen, listens, advice, feedback, stairs, steps,
    lengths, parkrun, journal, stretch, meditate, proud, sleep, swim, cycle, walk"""
)

# A personal habit named by its activity: with an amount or frequency it is specific even
# without a role ("walk 10,000 steps a day", "swim 40 lengths twice a week").
HABIT_WORDS = words(
    """walk, walks, walking, run, runs, running, jog, jogging, cycle, cycling, bike, biking,
    swim, swimming, sleep, sleeping, meditate, meditating, stretch, stretching, lift, lifting,
    bench, squat, row, rowing, hike, hiking, exercise, exercising, steps, laps, lengths,
    push-ups, pushups, pull-ups, pullups, sit-ups, yoga, pilates, parkrun, marathon,
    half-marathon, gym, stairs, duolingo, journal, lose, losing"""
)

STOPWORDS = frozenset(
    words(
        """a, an, the, i, i'm, i'd, i'll, i've, me, my, mine, myself, we, our, us, you, your,
    he, she, it, its, they, them, their, this, that, these, those, to, of, in, on, at, by, for,
    with, from, into, onto, as, and, or, but, so, if, then, than, be, been, being, am, is, are,
    was, were, do, does, did, have, has, had, will, would, shall, should, can, could, may,
    might, must, want, wants, wanted, like, hope, aim, goal, plan, planning, would like, want to,
    going, gonna, wanna, get, got, make, also, just, really, very, more, most, some, any, all,
    each, every, about, up, out, over, under, within, through, until, till, before, after,
    while, during, again, now, then, there, here, one, ones, own, other, another, such, what,
    which, who, whom, whose, when, where, why, how, not, no, yes, maybe, perhaps, least, well,
    enough, able, new, first, next, last, year, years, month, months, week, weeks, day, days,
    time, end, lol, via, per, etc, eg, ie, ok, okay, least, around, towards, toward, become,
    becoming, work, working, job, role, position, career, start, starting, finish, complete,
    achieve, reach, land, get, getting, earn, gain, take, help, keep, still, already, soon"""
    )
)

# Verbs. Forms are generated below; irregular forms listed where needed.
IRREGULAR = {
    "become": ("became",),
    "get": ("got", "gotten", "gets", "getting"),
    "win": ("won", "winning"),
    "write": ("wrote", "written", "writing"),
    "run": ("ran", "running"),
    "take": ("took", "taken", "taking"),
    "make": ("made", "making"),
    "sell": ("sold",),
    "give": ("gave", "given", "giving"),
    "find": ("found",),
    "build": ("built",),
    "lead": ("led",),
    "teach": ("taught",),
    "pay": ("paid",),
    "hit": ("hitting",),
    "be": ("am", "is", "are", "was", "were", "been", "being"),
    "go": ("went", "gone", "goes", "going"),
    "speak": ("spoke", "spoken"),
    "shut": ("shutting",),
    "begin": ("began", "begun", "beginning"),
    "do": ("did", "done", "does", "doing"),
    "have": ("has", "had", "having"),
    "plan": ("planned", "planning"),
    "ship": ("shipped", "shipping"),
    "submit": ("submitted", "submitting"),
    "cut": ("cutting",),
    "put": ("putting",),
    "set": ("setting",),
    "get into": ("got into",),
    "log": ("logged", "logging"),
    "shadow": ("shadowed",),
}

# Verbs whose completion is an observable event. "self": complete on their own
# ("get hired"); "obj": observable when their object is concrete.
EVENT_VERBS_SELF = words(
    """get hired, be hired, hired, get promoted, be promoted, promoted, get a promotion,
    graduate, get published, be published, get certified, be certified, get licensed,
    be licensed, enlist, get accepted, get admitted, be admitted, get employed, retire,
    get a raise, get tenure, make partner, get funded, go back to school, go back to college,
    earn a promotion, receive a promotion, secure a promotion, win a promotion, have a job,
    have a job lined up, have an offer, have a job offer, line up a job,
    get a promotion to, have my own, own my own, run my own,
    get into grad school, move abroad, qualify"""
)
EVENT_VERBS_OBJ = words(
    """become, be, land, get, secure, obtain, find, join, work as, work at, work for, work in,
    work with, serve as, pass, complete, finish, earn, achieve, publish, launch, release,
    submit, open, start, found, co-found, run, own, win, present, exhibit, sell, close, ship,
    deploy, build, write, create, design, develop, produce, enroll, enrol, register, apply,
    get into, get accepted to, get accepted into, get admitted to, get a place at, match into,
    apply to, apply for, transfer, transfer to, relocate, relocate to, go into, make the jump to,
    make the move to, move up to, graduate from,
    have my first, hold, host, stage, put on, do, get paid, be paid,
    match, transition into, transition to, move into, move to, switch to, switch into,
    switch careers to, promoted to, hired as, hired by, hired at, hire, recruit, train,
    train as, qualify as, certify, migrate, upgrade, automate, analyse, analyze, implement,
    lead, manage, teach, tutor, coach, mentor, volunteer, volunteer at, contribute, transition,
    pivot, pivot to, pivot into, break into, change careers, change careers to,
    contribute to, audition, audition for, give, speak at, attend, shadow, interview, pitch,
    plant, raise, pay off, save, reach, hit, score, log, solve, read, post, connect, handle,
    handle at least, negotiate, make, make the, take, take on, clerk, clerk for, study,
    perform, host, organise, organize, record, draft, deliver, sign, move, go, visit, meet,
    drive, fly, open up, set up, establish, invent, patent, file, receive, get my, be working,
    be working as, work, sit, take the, practise, practice, retrain as, requalify as,
    retrain to be, train to be, train to become, study to become, have a solo, have an exhibition,
    be made, be appointed, be appointed as, get appointed, get appointed as, get onto, get on to,
    get a place on, put together, stand up, spin up, roll out, secure a place at,
    secure a place on, win a place at, be accepted into,
    be accepted to, be accepted onto, gain admission to, make it onto, be selected for,
    get selected for, seek, get back into, go back into, get back to, return to"""
)
# Verbs that do not by themselves finish anything checkable.
ACTIVITY_VERBS = frozenset(
    words(
        """study, practice, practise, read, attend, meet, go, visit, work, make, take, teach,
    tutor, coach, mentor, volunteer, lead, manage, handle, post, connect, interview, drive, fly,
    save, train, plant, pitch, host, perform, organise, organize, shadow, log, solve, write,
    contribute, audition, be, be working, sit, take the"""
    )
)
LEARNING_VERBS = words(
    """learn, master, study, practice, practise, improve, develop, strengthen, build up, brush up,
    brush up on, get better at, become better at, work on, sharpen, polish, expand, deepen,
    understand, explore, pick up, learn about, learn how to, learn to, hone, get comfortable with,
    become comfortable with, get familiar with, get to grips with, get up to speed on,
    get up to speed with"""
)
DIRECTION_UP = words(
    """increase, grow, boost, raise, improve, expand, lift, double, triple, quadruple, maximise,
    maximize, gain, enhance, strengthen, accelerate, scale, more, higher, bigger, larger,
    greater, earn more, make more"""
)
DIRECTION_DOWN = words(
    """reduce, cut, lower, decrease, decrease, minimise, minimize, shrink, halve, lose, drop,
    less, fewer, shorten, eliminate, pay down, pay off, trim"""
)

# Things made again and again: "a weekly newsletter" repeats, "weekly sales" do not.
RECURRING_OUTPUTS = frozenset(
    words(
        """newsletter, post, blog, report, video, podcast, episode, meeting, update, review,
        session, lesson, class, workout, check-in, one-on-one, column, article, call, email,
        stream, show, workshop, webinar, digest"""
    )
)

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
    "a thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
    "couple": 2,
    "a couple": 2,
    "a couple of": 2,
    "pair": 2,
    "a pair of": 2,
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "single": 1,
    "half": 0.5,
    "a": 1,
    "an": 1,
}

ALIASES = {
    "aws": "amazon web services",
    "gcp": "google cloud platform",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "ux": "user experience",
    "ui": "user interface",
    "hr": "human resources",
    "pm": "project management",
    "js": "javascript",
    "rn": "registered nurse",
    "np": "nurse practitioner",
    "swe": "software engineer",
    "cpa": "certified public accountant",
    "cfp": "certified financial planner",
    "emt": "emergency medical technician",
    "cna": "certified nursing assistant",
    "lpc": "licensed professional counselor",
    "lcsw": "licensed clinical social worker",
    "pmp": "project management professional",
}
