# A care coordinator builds a plan with a new person over the phone.
new Winifred Ashdown --nhs "999 000 0069" --dob 1941-06-09
set preferred-name Win
set gender female
set address 4 Orchard Row, Little Aston
set postcode la9 4rc
set phone 01632 960 771
set gp Aston Vale Practice
set gp-code y99003
set communication Wears hearing aids; face her when speaking
about add what-matters-most Staying at home with my garden
about add important-people My nephew Colin, who visits on Saturdays
about add do-and-dont Please ring before visiting
about written today --by "Colin Ashdown (nephew)"
strength add Keen gardener
strength add Knows her neighbours well
need add I get breathless walking to the shops --domain physical --score 7
need add Lonely since moving here --domain family-and-relationships --score 6
need add Worried about the bills --domain financial --score 5
goal add Walk to the corner shop twice a week --need N1 --importance 8 --confidence 5 --target 2027-03-01 --measure "Walks a week"
goal add Meet people who like gardening --need N2 --importance 9 --confidence 6 --target 2027-01-31
goal status G1 active --achievement in-progress
action add Book a breathlessness review with the practice nurse --goal G1 --who "Sam Osei" --role "Care Coordinator" --due 2026-12-05
action add Find a community garden group --goal G2 --who Win --due 2026-12-15
refer splw Isolation, and a wish to garden with others --need N2 --goal G2 --method phone --respond-by 2026-12-01
refer hwbc Support to build up walking --need N1 --goal G1 --method secure-messaging
refer cc Pull together breathlessness and money worries --need N1,N3 --method secure-email
refer service Benefits check --service "Westshire Citizens Advice" --need N3 --method phone
episode accept E1
contact add professional Sam Osei --role "Care Coordinator" --team "Aston Vale PCN" --phone "01632 960 500" --key-worker
contact add personal Colin Ashdown --relationship nephew --next-of-kin --emergency --phone "07700 900 771"
contingency trigger Breathless at rest, or lips turning blue
contingency plan Call 999 if breathless at rest; otherwise ring the practice
contingency who Colin, then Sam Osei
contingency call C2,C1
review plan 2027-02-01 --every 10 --by "Sam Osei"
agree person
consent given --scope "Share with everyone named in this plan"
status active
note First conversation by phone; Win keen on the garden group
history
