import type { Framework } from './types.ts';

// Titles and statements are the published words (LGA, Socitm and Solace, 2022) and must stay
// exactly as published. Prompts and level descriptors are our own words. Descriptors are
// cumulative: each level assumes what the levels below it describe is already true.

/** The 12 local government digitalisation outcomes (LGA, Socitm and Solace, 2022) with our prompts and level descriptors. */
export const lga2022: Framework = {
  id: 'lga-digitalisation-outcomes',
  version: '2022.1',
  title: 'Local government digitalisation outcomes',
  attribution: 'LGA, Socitm and Solace, 2022',
  scale: {
    levels: [
      { value: 1, name: 'Starting' },
      { value: 2, name: 'Developing' },
      { value: 3, name: 'Established' },
      { value: 4, name: 'Embedded' },
      { value: 5, name: 'Leading' },
    ],
    notSureLabel: 'Not sure',
  },
  confidence: [
    { id: 'low', label: 'Low' },
    { id: 'medium', label: 'Medium' },
    { id: 'high', label: 'High' },
  ],
  outcomes: [
    {
      id: 'connectivity',
      title: 'Connectivity',
      statement:
        'The council supports residents, businesses and its staff to access the internet and council services wherever they are in the community.',
      prompts: [
        'Where in our area is broadband or mobile signal poor or unreliable, and how do we know?',
        'Can staff reach the systems they need wherever they work, including homes, vehicles and community buildings?',
        'Where can residents get online for free, such as libraries and community centres, and do people know about them?',
        'Who works with network providers and government programmes to improve coverage here?',
      ],
      descriptors: [
        'We have little information about broadband and mobile coverage in the area and nobody is responsible for improving it. Staff often cannot reach systems away from the office.',
        'Coverage gaps are mapped for parts of the area and a plan or funding bid to close some of them exists. Free public Wi-Fi is available in a few council buildings.',
        'A connectivity plan agreed by the council covers the whole area and has a named owner. Free public access points are listed for residents, and staff can work securely from any site.',
        'Coverage, speeds and use of public access points are measured and reported to members at least yearly, and the plan is updated from those figures. Known gaps have dated actions to close them.',
        'The council leads work with neighbouring councils and network providers on shared infrastructure, and publishes what it has learnt. Other councils ask to use or copy its approach.',
      ],
    },
    {
      id: 'data',
      title: 'Data',
      statement:
        'The council’s data practices use a set of standards focused on improving services and informing policy.',
      prompts: [
        'Do we follow recognised standards for how data is recorded, described and kept, and who checks?',
        'Do we know what data we hold, who owns each set and how long we keep it?',
        'How do residents find out what we hold about them and use their rights over it?',
        'When did data last change how a service works or shape a policy decision?',
        'Do we share or link data with partners safely, with agreements in place?',
      ],
      descriptors: [
        'Data sits in separate systems with no agreed standards or owners. Reports are put together by hand when someone asks, and data rarely informs decisions.',
        'Some services keep data to agreed standards, and a data strategy or register of data sets has been started. A few decisions are backed by analysis of data.',
        "A data strategy is signed off, every main data set has a named owner in a register that is kept up to date, and council-wide rules cover quality, security, retention and residents' rights.",
        'Data quality is measured and reported to senior leaders, and problems are fixed as a matter of routine. Data is regularly used, and shared under agreements, to improve services and inform policy papers.',
        'The council publishes open data and shares its standards, tools or methods with partners and other councils. Its data practice is reused or cited by organisations beyond the council.',
      ],
    },
    {
      id: 'democracy-and-participation',
      title: 'Democracy and participation',
      statement:
        'The council makes maximum use of digital technology to support councillor attendance, improve transparency, optimise democratic decision-making, and increase community engagement and collaboration.',
      prompts: [
        'Can councillors take part in meetings, read papers and handle casework digitally, with help if they need it?',
        'How easily can residents find, watch and understand the decisions the council makes?',
        'Which online ways do we use to consult and involve residents, and what happens to their views?',
        'What other ways to take part do we offer people who do not use digital channels?',
      ],
      descriptors: [
        'Meetings, papers and consultations are mainly on paper or in person. Residents find it hard to see what was decided, and councillors get little digital support.',
        'Some meetings are webcast or have their papers published online, and a few consultations run online. Councillors have devices, but training and support vary.',
        'All public meetings are webcast, with papers and decisions published online in a searchable form. Councillors get digital training and support, and consultations offer online and offline ways to respond.',
        'Attendance at meetings and responses to consultations are tracked and reported to members, and residents are told how their views changed decisions. The approach is reviewed and improved each year.',
        'The council tries new ways for residents to take part, such as online deliberation or participatory budgeting, and shares its results and tools with other councils, which take them up.',
      ],
    },
    {
      id: 'economic-productivity-and-growth',
      title: 'Economic productivity and growth',
      statement:
        'The council supports the use of digital technology by local businesses, partners and third sector organisations.',
      prompts: [
        'What help do we give local businesses and voluntary groups to start using digital technology?',
        'Can local people gain the digital skills that local employers need, and where?',
        'Are we ready for the switch from analogue to digital phone lines, including residents who rely on telecare?',
        'How do we know whether our support makes a difference to local businesses?',
      ],
      descriptors: [
        'The council gives little or no help to local businesses or voluntary groups to use digital technology, and has no plan for the switch from analogue to digital phone lines.',
        'Some one-off digital support runs for businesses or voluntary groups, often with short-term funding. Work on the phone line switchover, including for telecare users, has begun in places.',
        'The economic strategy covers digital adoption and skills, with a named lead and a programme open to all local businesses and voluntary groups. Every telecare user is covered by a switchover plan.',
        'Take-up and results of digital support, such as businesses helped and skills gained, are measured and reported to members, and the programme changes in response. The switchover is tracked to completion.',
        'The council leads a partnership with employers, colleges and other councils on digital adoption and skills across the wider region, and other areas copy its programmes or use its evidence.',
      ],
    },
    {
      id: 'ethics-and-sustainability',
      title: 'Ethics and sustainability',
      statement:
        'The council uses digital technology in pursuit of the common good and does no harm; it protects human agency, fairness, transparency, and the environment.',
      prompts: [
        'How do we decide whether a new technology or use of data is fair and safe for residents?',
        'Can residents find out when an algorithm or automated tool affects a decision about them, and challenge it?',
        'Do we know the environmental impact of our technology, such as energy use and how old devices are disposed of?',
        'Who can staff or residents go to with an ethical concern, and what happens next?',
      ],
      descriptors: [
        'Ethical and environmental questions are not considered when technology is bought or used. There is no guidance, and nobody is responsible for raising these questions.',
        'Some projects consider fairness, privacy or environmental impact, and draft principles or guidance exist. A few staff champion these issues without formal backing.',
        'Agreed ethical principles are applied to every new technology and data project through a standard impact check. Algorithms used in decisions are listed publicly, and reusing and recycling devices is policy.',
        'Impact checks are reviewed by a standing panel, and the carbon footprint of council technology is measured and reported. Findings change projects and buying decisions.',
        'The council publishes its ethics reviews and environmental figures, helps write guidance for the sector, and other councils use its principles or tools.',
      ],
    },
    {
      id: 'inclusion',
      title: 'Inclusion',
      statement:
        'The council promotes the benefits of the internet, digital technology and digital services in ways that are available and accessible to everyone.',
      prompts: [
        'Do we know which residents cannot get online, whether because of skills, confidence or the cost of devices and data?',
        'Can people who cannot or choose not to use our online services still get help another way?',
        'Do our websites and online services meet accessibility standards, and who checks?',
        'Where can residents get free help with digital skills, devices or data?',
      ],
      descriptors: [
        'The council does not know who in the area is digitally excluded. Help with skills or devices is rare, and online services are not checked for accessibility.',
        'Some digital skills sessions, device loans or data schemes exist, often through libraries or partners. Some services are checked for accessibility, and a digital inclusion plan is in draft.',
        'A digital inclusion plan is agreed, with a named owner and a map of need across the area. Every online service meets accessibility standards and has a supported route for people who cannot use it.',
        'Digital exclusion and use of support are measured and reported to members, and services change in response. Accessibility is tested regularly, including with disabled residents, and problems are fixed.',
        'The council leads an area-wide inclusion network with partners, and its approach, such as a device or data bank, is shared with and adopted by other councils.',
      ],
    },
    {
      id: 'leadership',
      title: 'Leadership',
      statement:
        'The leadership of the council drives the use of digital technology to achieve strategic and operational goals, and facilitates organisational transformation.',
      prompts: [
        "Do senior leaders and councillors talk about digital as a way to meet the council's goals, not just as an IT matter?",
        'Is there a named senior owner for digital change, with the time and budget to lead it?',
        'How do leaders weigh the opportunities and risks of new technology?',
        'Do leaders encourage staff to try new ways of working and to learn from what does not work?',
      ],
      descriptors: [
        'Digital is seen as a matter for IT. Senior leaders and councillors rarely discuss it, and there is no digital strategy or senior owner.',
        "A digital strategy is being written, or a few leaders champion digital in their own areas, but it is not yet linked to the council's main plans.",
        'A digital strategy signed off by leaders is linked to the council plan and has a named senior owner. Digital change is a standing item for the senior team.',
        'Leaders track the digital strategy with measures reported to members, weigh risks and benefits in every major decision, and update the strategy from results. Staff are encouraged to test new ideas.',
        "Council leaders speak and write about digital change across the sector, mentor other councils' leaders, and help shape regional or national plans.",
      ],
    },
    {
      id: 'organisational-capability',
      title: 'Organisational capability',
      statement:
        'The council puts digital technology at the heart of the way it works and trains its workforce, and has talent pipelines to benefit retention and relieve pressure on recruitment.',
      prompts: [
        'Do we know what digital, data and technology skills our staff have and which they need?',
        'Does every member of staff get training in the tools their job needs?',
        'Do we have enough people with specialist skills, and how do we attract and keep them?',
        'Do we use apprenticeships, graduate schemes or links with colleges to bring in new people?',
      ],
      descriptors: [
        'Staff get little digital training beyond how to log on. The council does not know what digital skills it has, and specialist posts are hard to fill.',
        'Some teams have assessed digital skills or run training, and a few apprenticeships or specialist roles exist. A workforce plan for digital skills is in draft.',
        'A skills assessment based on a recognised skills framework covers all staff, and every role has digital training. A workforce plan sets out how specialist roles will be filled and kept.',
        'Skills levels, training completed, vacancies and turnover in digital roles are reported to leaders and acted on. Apprenticeships and career paths fill most specialist posts.',
        'The council runs a talent programme with other councils, colleges or universities, and shares its training and skills approach for others to use.',
      ],
    },
    {
      id: 'partnership',
      title: 'Partnership',
      statement:
        'The council works with public, private and third sector partners to ensure an integrated, cohesive and resident-focused approach to public sector digital transformation and service provision.',
      prompts: [
        'Which partners do we work with on digital, and do we share any platforms or systems with them?',
        'Do we have data sharing agreements that let partners support the same residents together?',
        'Do residents have to tell their story more than once as they move between us and our partners?',
        'How do we involve voluntary groups and other councils in designing shared services?',
      ],
      descriptors: [
        'Digital work happens inside the council with little joint working. Partners use separate systems, and residents must repeat their information to each organisation.',
        'A few joint projects or data sharing agreements exist with partners such as health, police or other councils, but they depend on individual relationships.',
        'Joint working on digital is formal, with agreed governance, signed data sharing agreements and at least one shared platform or joined-up service for residents.',
        'Shared platforms and joint services are measured for their results for residents and reviewed with partners, and new projects are planned jointly by default.',
        'The council leads a partnership that plans and funds digital services across organisations, and its agreements and platforms are reused by others.',
      ],
    },
    {
      id: 'security-and-resilience',
      title: 'Security and resilience',
      statement:
        'The council’s networks, infrastructure, data and services are as secure as possible, and the council is resilient to cyber attacks.',
      prompts: [
        'Who is responsible for cyber security at senior level, and how often do leaders discuss it?',
        'Do all staff and councillors complete training on staying safe online?',
        'When did we last test our plan for recovering from a cyber attack, and what did we learn?',
        'Do we meet recognised security standards and take advice from partners such as the National Cyber Security Centre?',
      ],
      descriptors: [
        'Cyber security is left to the IT team. There is no tested plan for recovering from an attack, and staff get little or no security training.',
        'Security policies exist, some staff are trained and a recovery plan is drafted. Risks are partly known, but leaders rarely discuss them.',
        'There is a named senior owner and a cyber risk register, all staff and councillors complete yearly training, and the council meets a recognised standard such as Cyber Essentials.',
        'Recovery plans are tested at least yearly and lessons are acted on. Cyber risks are reported to leaders and members, and backups and plans for keeping services running are checked regularly.',
        'The council shares warnings and lessons from incidents with other councils, supports regional cyber work, and others use its practice as an example.',
      ],
    },
    {
      id: 'services',
      title: 'Services',
      statement:
        'The council’s services are designed around the needs of residents and users, and are guided by government design principles and standards.',
      prompts: [
        'Do we find out what residents need before we design or change a service?',
        'Do we test services with real users, including people with access needs?',
        'Do we follow a service standard or design principles, and who checks?',
        'How do we measure how well services work, and what has changed as a result?',
      ],
      descriptors: [
        'Services are shaped around council processes and systems. Users are rarely asked what they need, and performance is not tracked in a way that leads to change.',
        'Some services have been redesigned using research and testing with users, and a few teams have adopted a service standard or design principles.',
        'Every new or changed service follows a service standard, with user research, testing with residents and an accessibility check before it goes live.',
        'Every main service has published performance measures, such as completion rates and satisfaction, that are reviewed regularly, and teams change services in response.',
        'The council shares its service patterns, research and code openly, and other councils reuse them or join it in designing common services.',
      ],
    },
    {
      id: 'value',
      title: 'Value',
      statement:
        'The council allocates its resources effectively by harnessing the opportunities of digital technology.',
      prompts: [
        'Do digital projects start with a business case setting out costs and expected benefits?',
        'After a project ends, do we check whether the benefits were delivered?',
        'Do we invest in staff skills and new ways of working, not just in technology?',
        'How do we decide which digital spending to stop, continue or expand?',
      ],
      descriptors: [
        'Technology is bought as needs arise, without business cases or a record of benefits. The council cannot say what its digital spending has delivered.',
        'Some projects have business cases with expected benefits, but benefits are rarely checked once projects end. Spending goes on technology more than on people.',
        'Every digital investment needs a business case in a standard format, and a benefits register tracks savings and improvements. Budgets include training and change, not just technology.',
        'Benefits delivered are measured and reported to members, and the results guide which projects start, continue or stop. Digital spending is reviewed against the strategy each year.',
        'The council shares its business cases and evidence of benefits with other councils, buys jointly where that saves money, and its approach informs guidance for the sector.',
      ],
    },
  ],
};
